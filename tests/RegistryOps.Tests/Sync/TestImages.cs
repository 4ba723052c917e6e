using RegistryOps.Core.Distribution;
using System.Text;
using RegistryOps.Jobs.Sync;

namespace RegistryOps.Tests.Sync;

/// <summary>Builds small images and indexes inside a <see cref="FakeRegistry"/>.</summary>
internal static class TestImages
{
    /// <summary>Pushes an image with a config and the given layers (shared layers by equal text).</summary>
    public static string PushImage(FakeRegistry registry, string repository, string? tag, params string[] layers)
    {
        var id = $"{repository}:{tag}:{string.Join(",", layers)}";
        var config = Encoding.UTF8.GetBytes($"{{\"architecture\":\"amd64\",\"id\":\"{id}\"}}");
        var configDigest = registry.AddBlob(repository, config);
        var layerJson = layers.Select(text =>
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var digest = registry.AddBlob(repository, bytes);
            return $"{{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\","
                + $"\"digest\":\"{digest}\",\"size\":{bytes.Length}}}";
        });
        var manifest = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OciManifest + "\","
            + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\","
            + $"\"digest\":\"{configDigest}\",\"size\":{config.Length}}},"
            + $"\"layers\":[{string.Join(",", layerJson)}]}}";
        return registry.AddManifest(repository, tag, Encoding.UTF8.GetBytes(manifest), MediaTypes.OciManifest);
    }

    /// <summary>Pushes an index over one image per platform (e.g. linux/amd64, linux/arm64).</summary>
    public static string PushIndex(FakeRegistry registry, string repository, string tag, params string[] platforms)
    {
        var children = platforms.Select(platform =>
        {
            var digest = PushImage(registry, repository, null, $"base", $"layer-{platform}-{tag}");
            var size = registry.GetManifestAsync(repository, digest, default).Result.Content.Length;
            var parts = platform.Split('/');
            return $"{{\"mediaType\":\"{MediaTypes.OciManifest}\",\"digest\":\"{digest}\",\"size\":{size},"
                + $"\"platform\":{{\"os\":\"{parts[0]}\",\"architecture\":\"{parts[1]}\"}}}}";
        });
        var index = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OciIndex + "\","
            + $"\"manifests\":[{string.Join(",", children)}]}}";
        registry.ResetCalls();
        return registry.AddManifest(repository, tag, Encoding.UTF8.GetBytes(index), MediaTypes.OciIndex);
    }
}
