using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace RegistryOps.IntegrationTests.Infrastructure;

/// <summary>
/// Pushes synthetic images with plain HTTP (monolithic blob uploads, manifest PUT), independent of
/// the client under test: OCI images with random layers, images sharing base layers, and a
/// two-platform OCI index. Layer bytes are random, not tar: the registry does not look inside.
/// </summary>
public sealed class TestImages(Uri baseUri, Func<string, Task<AuthenticationHeaderValue?>> authorize)
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";
    public const string OciLayer = "application/vnd.oci.image.layer.v1.tar+gzip";

    // The set-up trusts any certificate: TLS trust is what the client under test is checked for.
    private static readonly HttpClient Http = new(TrustingHandler()) { Timeout = TimeSpan.FromMinutes(2) };

    public static SocketsHttpHandler TrustingHandler() => new()
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
    };

    public static byte[] RandomBytes(int size) => RandomNumberGenerator.GetBytes(size);

    public static string DigestOf(byte[] content) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Pushes an image of <paramref name="baseLayers"/> (shared with other images) then
    /// <paramref name="layerSizes"/> fresh random layers, and tags it.</summary>
    public async Task<PushedImage> PushImageAsync(
        string repository,
        string tag,
        int[]? layerSizes = null,
        IReadOnlyList<byte[]>? baseLayers = null,
        string architecture = "amd64",
        CancellationToken cancellationToken = default)
    {
        var manifest = await PushImageManifestAsync(repository, tag, layerSizes ?? [512], baseLayers,
            architecture, cancellationToken);
        return manifest;
    }

    /// <summary>Pushes two single-platform images (amd64, arm64) by digest and an OCI index over
    /// them under <paramref name="tag"/>.</summary>
    public async Task<PushedImage> PushIndexAsync(string repository, string tag,
        CancellationToken cancellationToken = default)
    {
        var children = new List<PushedImage>();
        foreach (var architecture in new[] { "amd64", "arm64" })
        {
            children.Add(await PushImageManifestAsync(repository, null, [256], null, architecture,
                cancellationToken));
        }

        var index = new
        {
            schemaVersion = 2,
            mediaType = OciIndex,
            manifests = children.Select((c, i) => new
            {
                mediaType = OciManifest,
                digest = c.Digest,
                size = c.Manifest.Length,
                platform = new { architecture = i == 0 ? "amd64" : "arm64", os = "linux" },
            }),
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(index);
        var digest = await PutManifestAsync(repository, tag, bytes, OciIndex, cancellationToken);
        return new PushedImage(repository, tag, digest, OciIndex, bytes, [], children);
    }

    /// <summary>Puts an existing manifest under another tag (a retag when the tag exists).</summary>
    public async Task<PushedImage> TagAsync(PushedImage image, string tag,
        CancellationToken cancellationToken = default)
    {
        await PutManifestAsync(image.Repository, tag, image.Manifest, image.MediaType, cancellationToken);
        return image with { Tag = tag };
    }

    /// <summary>Deletes a manifest by digest; registry 2.8 also drops every tag pointing at it.</summary>
    public async Task DeleteManifestAsync(string repository, string digest,
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete,
            new Uri(baseUri, $"/v2/{repository}/manifests/{digest}"));
        request.Headers.Authorization = await authorize(repository);
        using var response = await Http.SendAsync(request, cancellationToken);
        await EnsureAsync(response, $"DELETE manifest {repository}@{digest}");
    }

    public async Task<BlobRef> PushBlobAsync(string repository, byte[] content, string mediaType,
        CancellationToken cancellationToken = default)
    {
        var digest = DigestOf(content);
        var auth = await authorize(repository);

        using var start = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri, $"/v2/{repository}/blobs/uploads/"));
        start.Headers.Authorization = auth;
        using var started = await Http.SendAsync(start, cancellationToken);
        await EnsureAsync(started, $"POST upload {repository}");
        var location = started.Headers.Location
            ?? throw new InvalidOperationException($"no Location for the upload to {repository}");
        var uploadUri = location.IsAbsoluteUri ? location : new Uri(baseUri, location);
        var separator = uploadUri.Query.Length > 0 ? "&" : "?";

        using var put = new HttpRequestMessage(HttpMethod.Put, new Uri(uploadUri + separator + "digest=" + digest));
        put.Headers.Authorization = auth;
        put.Content = new ByteArrayContent(content);
        put.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var done = await Http.SendAsync(put, cancellationToken);
        await EnsureAsync(done, $"PUT blob {repository}@{digest}");
        return new BlobRef(mediaType, digest, content.Length);
    }

    private async Task<PushedImage> PushImageManifestAsync(string repository, string? tag, int[] layerSizes,
        IReadOnlyList<byte[]>? baseLayers, string architecture, CancellationToken cancellationToken)
    {
        var layers = new List<BlobRef>();
        foreach (var content in (baseLayers ?? []).Concat(layerSizes.Select(RandomBytes)))
        {
            layers.Add(await PushBlobAsync(repository, content, OciLayer, cancellationToken));
        }

        var config = JsonSerializer.SerializeToUtf8Bytes(new
        {
            architecture,
            os = "linux",
            created = "2026-01-01T00:00:00Z",
            rootfs = new { type = "layers", diff_ids = layers.Select(l => l.Digest) },
            config = new { Labels = new Dictionary<string, string> { ["nonce"] = Guid.NewGuid().ToString() } },
        });
        var configRef = await PushBlobAsync(repository, config, OciConfig, cancellationToken);

        var manifest = JsonSerializer.SerializeToUtf8Bytes(new
        {
            schemaVersion = 2,
            mediaType = OciManifest,
            config = new { mediaType = configRef.MediaType, digest = configRef.Digest, size = configRef.Size },
            layers = layers.Select(l => new { mediaType = l.MediaType, digest = l.Digest, size = l.Size }),
        });
        var digest = await PutManifestAsync(repository, tag ?? DigestOf(manifest), manifest, OciManifest,
            cancellationToken);
        return new PushedImage(repository, tag ?? "", digest, OciManifest, manifest, layers, []);
    }

    private async Task<string> PutManifestAsync(string repository, string reference, byte[] manifest,
        string mediaType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put,
            new Uri(baseUri, $"/v2/{repository}/manifests/{reference}"));
        request.Headers.Authorization = await authorize(repository);
        request.Content = new ByteArrayContent(manifest);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await Http.SendAsync(request, cancellationToken);
        await EnsureAsync(response, $"PUT manifest {repository}:{reference}");
        return DigestOf(manifest);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync();
        throw new InvalidOperationException($"{what} failed: {(int)response.StatusCode} {body}");
    }
}
