using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace RegistryOps.Core.Distribution;

/// <summary>The read side: ping, catalog, tags, manifests, blobs.</summary>
public sealed partial class RegistryClient
{
    /// <summary>Manifests larger than this are refused (the registry's own limit is 4 MiB).</summary>
    private const int MaxManifestBytes = 4 * 1024 * 1024;

    public static string PullScope(string repository) => $"repository:{repository}:pull";

    public static string PushScope(string repository) => $"repository:{repository}:pull,push";

    public const string CatalogScope = "registry:catalog:*";

    /// <summary>GET /v2/: the registry answers and the credentials (if any) are accepted.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, UriFor("v2/")), "",
            cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, $"ping of {Endpoint.Authority}", cancellationToken);
        }
    }

    /// <summary>Every repository in the catalog, page by page (n= and the Link header).</summary>
    public async IAsyncEnumerable<string> ListRepositoriesAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Uri? next = UriFor($"v2/_catalog?n={Endpoint.PageSize}");
        while (next is not null)
        {
            var page = next;
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, page),
                CatalogScope, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw await ErrorAsync(response, $"catalog of {Endpoint.Authority}", cancellationToken);
            }

            foreach (var name in await ReadStringArrayAsync(response, "repositories", cancellationToken))
            {
                yield return name;
            }

            next = LinkHeader.Next(response, _base);
        }
    }

    /// <summary>Every tag of a repository, all pages. No tags (or a repository the catalog lists but
    /// that has gone meanwhile, 404) gives an empty list.</summary>
    public async Task<IReadOnlyList<string>> ListTagsAsync(string repository,
        CancellationToken cancellationToken)
    {
        var tags = new List<string>();
        Uri? next = UriFor($"v2/{repository}/tags/list?n={Endpoint.PageSize}");
        while (next is not null)
        {
            var page = next;
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, page),
                PullScope(repository), cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return tags;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw await ErrorAsync(response, $"tags of {repository} on {Endpoint.Authority}",
                    cancellationToken);
            }

            tags.AddRange(await ReadStringArrayAsync(response, "tags", cancellationToken));
            next = LinkHeader.Next(response, _base);
        }

        return tags;
    }

    /// <summary>HEAD of a manifest by tag or digest; null when it does not exist. When the registry
    /// sends no Docker-Content-Digest, the manifest is fetched and its digest computed.</summary>
    public async Task<ManifestHead?> HeadManifestAsync(string repository, string reference,
        CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => ManifestRequest(HttpMethod.Head, repository, reference),
            PullScope(repository), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, $"manifest {repository}:{reference} on {Endpoint.Authority}",
                cancellationToken);
        }

        var digest = DigestHeader(response);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var size = response.Content.Headers.ContentLength;
        if (digest is null || mediaType is null || size is null)
        {
            DistributionLog.DigestComputed(_logger, Endpoint.Authority, repository, reference);
            var manifest = await GetManifestAsync(repository, reference, cancellationToken);
            return new ManifestHead(manifest.Digest, manifest.MediaType, manifest.Size);
        }

        return new ManifestHead(digest, mediaType, size.Value);
    }

    /// <summary>GET of a manifest: exact bytes, media type, and the digest computed from the bytes,
    /// checked against the registry's header and a digest reference.</summary>
    public async Task<ManifestData> GetManifestAsync(string repository, string reference,
        CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => ManifestRequest(HttpMethod.Get, repository, reference),
            PullScope(repository), cancellationToken);
        var what = $"manifest {repository}:{reference} on {Endpoint.Authority}";
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, what, cancellationToken);
        }

        if (response.Content.Headers.ContentLength > MaxManifestBytes)
        {
            throw new RegistryException($"{what} is larger than {MaxManifestBytes} bytes");
        }

        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var digest = Digests.Sha256(content);
        var claimed = DigestHeader(response);
        if (claimed is not null && claimed.StartsWith("sha256:", StringComparison.Ordinal) && claimed != digest)
        {
            throw new RegistryException($"{what}: the registry says {claimed} but the bytes hash to {digest}");
        }

        if (reference.StartsWith("sha256:", StringComparison.Ordinal) && reference != digest)
        {
            throw new RegistryException($"{what}: asked for {reference} but the bytes hash to {digest}");
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType ?? MediaTypeFromBody(content)
            ?? throw new RegistryException($"{what} has no media type");
        return new ManifestData(content, mediaType, digest);
    }

    /// <summary>A blob's content as a stream (read it to the end, then dispose it). The caller
    /// verifies the digest while reading when it matters. The concurrency slot and the
    /// per-attempt timeout cover the request until the headers arrive, not the body read.</summary>
    public async Task<Stream> GetBlobAsync(
        string repository,
        string digest,
        CancellationToken cancellationToken)
    {
        var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get,
            UriFor($"v2/{repository}/blobs/{digest}")), PullScope(repository), cancellationToken,
            HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await ErrorAsync(response, $"blob {repository}@{digest} on {Endpoint.Authority}",
                    cancellationToken);
            }
        }

        return await response.Content.ReadAsStreamAsync(cancellationToken);
    }

    private HttpRequestMessage ManifestRequest(HttpMethod method, string repository, string reference)
    {
        var request = new HttpRequestMessage(method, UriFor($"v2/{repository}/manifests/{reference}"));
        foreach (var mediaType in MediaTypes.AllManifests)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        }

        return request;
    }

    private static string? DigestHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.FirstOrDefault() : null;

    private static string? MediaTypeFromBody(byte[] content)
    {
        try
        {
            using var json = JsonDocument.Parse(content);
            return json.RootElement.TryGetProperty("mediaType", out var value) ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<List<string>> ReadStringArrayAsync(HttpResponseMessage response, string property,
        CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var names = new List<string>();
        if (json.RootElement.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.GetString() is { Length: > 0 } name)
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }
}
