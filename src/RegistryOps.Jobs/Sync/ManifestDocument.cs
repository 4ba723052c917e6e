using RegistryOps.Core.Distribution;
using System.Text.Json;

namespace RegistryOps.Jobs.Sync;

/// <summary>
/// The parts of a manifest a copy needs: for an image, its config and layers (the blobs); for an
/// index or manifest list, its child manifests. Unknown fields are ignored; the bytes themselves
/// are copied unchanged, so nothing here re-serialises a manifest.
/// </summary>
internal sealed record ManifestDocument(
    string? MediaType,
    IReadOnlyList<Descriptor> Blobs,
    IReadOnlyList<Descriptor> Children)
{
    public bool IsIndex => Children.Count > 0 || (MediaType is not null && MediaTypes.IsIndex(MediaType));

    public static ManifestDocument Parse(byte[] content)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            var mediaType = root.TryGetProperty("mediaType", out var mt) ? mt.GetString() : null;

            var blobs = new List<Descriptor>();
            if (root.TryGetProperty("config", out var config))
            {
                blobs.Add(ReadDescriptor(config));
            }

            if (root.TryGetProperty("layers", out var layers))
            {
                blobs.AddRange(layers.EnumerateArray().Select(ReadDescriptor));
            }

            var children = root.TryGetProperty("manifests", out var manifests)
                ? manifests.EnumerateArray().Select(ReadDescriptor).ToList()
                : [];
            return new ManifestDocument(mediaType, blobs, children);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new RegistryException($"unreadable manifest: {ex.Message}", ex);
        }
    }

    /// <summary>The child for <c>os/arch[/variant]</c>; a platform without variant matches any.</summary>
    public Descriptor? FindPlatform(string platform) =>
        Children.FirstOrDefault(c => string.Equals(c.Platform, platform, StringComparison.OrdinalIgnoreCase))
        ?? Children.FirstOrDefault(c => c.Platform is not null
            && c.Platform.StartsWith(platform + "/", StringComparison.OrdinalIgnoreCase));

    private static Descriptor ReadDescriptor(JsonElement element)
    {
        var digest = element.GetProperty("digest").GetString()!;
        var mediaType = element.TryGetProperty("mediaType", out var mt) ? mt.GetString() ?? "" : "";
        var size = element.TryGetProperty("size", out var s) ? s.GetInt64() : -1;

        string? platform = null;
        if (element.TryGetProperty("platform", out var p))
        {
            var os = p.TryGetProperty("os", out var o) ? o.GetString() : "";
            var arch = p.TryGetProperty("architecture", out var a) ? a.GetString() : "";
            var variant = p.TryGetProperty("variant", out var v) ? v.GetString() : null;
            platform = variant is null ? $"{os}/{arch}" : $"{os}/{arch}/{variant}";
        }

        return new Descriptor(digest, mediaType, size, platform);
    }
}
