using System.Net;
using System.Net.Http.Headers;

namespace RegistryOps.Core.Distribution;

/// <summary>
/// The write half of the distribution API (blob existence, cross-repository mount, streamed and
/// verified upload, manifest put and delete), over any authenticated sender. Kept apart from the
/// read client so it can be tested against a small in-memory registry. Failures throw the
/// client's <see cref="RegistryException"/> family (auth, not found, unavailable, rate limited).
/// </summary>
internal sealed class RegistryWriter(Uri baseUri, RegistrySend send, RegistrySend? sendStream = null)
{
    private const string OctetStream = "application/octet-stream";

    /// <summary>Carries the blob size to the streaming sender, which sizes its time limit by it.</summary>
    public static readonly HttpRequestOptionsKey<long> UploadSize = new("registryops.upload-size");

    /// <summary>True when the repository holds the blob (HEAD 200), false on 404.</summary>
    public async Task<bool> BlobExistsAsync(
        string repository,
        string digest,
        CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Head, Url($"v2/{repository}/blobs/{digest}"),
            RegistryClient.PullScope(repository), cancellationToken);

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, $"blob {repository}@{digest}", cancellationToken);
        return true;
    }

    /// <summary>
    /// Asks the registry to link a blob it already holds in <paramref name="fromRepository"/>.
    /// True when mounted (201). A 202 means the registry opened an upload session instead; that
    /// session is cancelled here and false returned, so the caller uploads.
    /// </summary>
    public async Task<bool> MountBlobAsync(
        string repository,
        string digest,
        string fromRepository,
        CancellationToken cancellationToken)
    {
        var path = $"v2/{repository}/blobs/uploads/?mount={Uri.EscapeDataString(digest)}"
            + $"&from={Uri.EscapeDataString(fromRepository)}";
        var scope = $"{RegistryClient.PushScope(repository)} {RegistryClient.PullScope(fromRepository)}";
        using var response = await SendAsync(HttpMethod.Post, Url(path), scope, cancellationToken);

        if (response.StatusCode == HttpStatusCode.Created)
        {
            return true;
        }

        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            await CancelSessionAsync(repository, Location(response), cancellationToken);
            return false;
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            // A mount needs push on the target and pull on the source repository in one token.
            // Token servers differ in how they take two scopes; a refusal only costs an upload.
            return false;
        }

        await EnsureSuccessAsync(response, $"mount of {digest} into {repository}", cancellationToken);
        return false;
    }

    /// <summary>
    /// Streams <paramref name="source"/> into a new upload session while hashing it, and commits
    /// the session only when the bytes hash to <paramref name="digest"/> and their count is
    /// <paramref name="size"/>; otherwise the session is deleted and
    /// <see cref="DigestMismatchException"/> thrown. Returns the bytes sent.
    /// </summary>
    public async Task<long> UploadBlobAsync(
        string repository,
        string digest,
        long size,
        Stream source,
        CancellationToken cancellationToken)
    {
        var session = await OpenSessionAsync(repository, cancellationToken);
        try
        {
            using var hashing = new HashingReadStream(source);
            session = await PatchAsync(repository, session, hashing, size, cancellationToken);

            var actual = hashing.CurrentDigest();
            if (!string.Equals(actual, digest, StringComparison.Ordinal) || hashing.BytesRead != size)
            {
                var shown = hashing.BytesRead == size ? actual : $"{actual} ({hashing.BytesRead} of {size} bytes)";
                throw new DigestMismatchException(repository, digest, shown);
            }

            await CommitAsync(repository, session, digest, cancellationToken);
            return hashing.BytesRead;
        }
        catch (Exception)
        {
            // Whatever went wrong, the half-written session must not linger or be committed.
            await CancelSessionQuietlyAsync(repository, session);
            throw;
        }
    }

    /// <summary>Puts a manifest under a tag or digest; returns the digest the registry reports
    /// (computed from the bytes when the header is absent).</summary>
    public async Task<string> PutManifestAsync(
        string repository,
        string reference,
        byte[] content,
        string mediaType,
        CancellationToken cancellationToken)
    {
        var url = Url($"v2/{repository}/manifests/{reference}");
        using var response = await send(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(content) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            return request;
        }, RegistryClient.PushScope(repository), cancellationToken, HttpCompletionOption.ResponseContentRead);
        await EnsureSuccessAsync(response, $"manifest put {repository}:{reference}", cancellationToken);

        return response.Headers.TryGetValues("Docker-Content-Digest", out var values)
            ? values.First()
            : Digests.Sha256(content);
    }

    /// <summary>Deletes a manifest by digest; false when it was not there.</summary>
    public async Task<bool> DeleteManifestAsync(
        string repository,
        string digest,
        CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, Url($"v2/{repository}/manifests/{digest}"),
            $"repository:{repository}:delete", cancellationToken);

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, $"manifest delete {repository}@{digest}", cancellationToken);
        return true;
    }

    private async Task<Uri> OpenSessionAsync(string repository, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, Url($"v2/{repository}/blobs/uploads/"),
            RegistryClient.PushScope(repository), cancellationToken);
        await EnsureSuccessAsync(response, $"upload start in {repository}", cancellationToken);
        return Location(response);
    }

    private async Task<Uri> PatchAsync(
        string repository,
        Uri session,
        Stream body,
        long size,
        CancellationToken cancellationToken)
    {
        // One streamed PATCH (chunked transfer): no chunk is buffered and a byte count is not
        // promised up front, so a short or altered source is caught by the check after it. The
        // body can be read once: a second attempt (transient retry, 429) is refused, and the
        // session is then deleted by the caller.
        var built = false;
        using var response = await (sendStream ?? send)(() =>
        {
            if (built)
            {
                throw new RegistryException($"upload to {repository} was interrupted and cannot be resent");
            }

            built = true;
            var request = new HttpRequestMessage(HttpMethod.Patch, session)
            {
                Content = new StreamContent(body, 64 * 1024),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(OctetStream);
            request.Options.Set(UploadSize, size);
            return request;
        }, RegistryClient.PushScope(repository), cancellationToken, HttpCompletionOption.ResponseContentRead);
        await EnsureSuccessAsync(response, $"upload to {repository}", cancellationToken);
        return response.Headers.Location is null ? session : Location(response);
    }

    private async Task CommitAsync(
        string repository,
        Uri session,
        string digest,
        CancellationToken cancellationToken)
    {
        var separator = session.Query.Length > 0 ? "&" : "?";
        var url = new Uri(session + separator + "digest=" + Uri.EscapeDataString(digest));
        using var response = await send(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent([]) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(OctetStream);
            return request;
        }, RegistryClient.PushScope(repository), cancellationToken, HttpCompletionOption.ResponseContentRead);
        await EnsureSuccessAsync(response, $"upload commit of {digest} in {repository}", cancellationToken);
    }

    private async Task CancelSessionAsync(string repository, Uri session, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, session, RegistryClient.PushScope(repository),
            cancellationToken);
    }

    private async Task CancelSessionQuietlyAsync(string repository, Uri session)
    {
        try
        {
            // Not the caller's token: a cancelled run still removes its session.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await CancelSessionAsync(repository, session, timeout.Token);
        }
        catch (Exception ex) when (ex is RegistryException or HttpRequestException or OperationCanceledException)
        {
            // The registry expires abandoned sessions itself; an uncommitted session holds no tag.
        }
    }

    private Task<HttpResponseMessage> SendAsync(
        HttpMethod method,
        Uri url,
        string scope,
        CancellationToken ct) =>
        send(() => new HttpRequestMessage(method, url)
        {
            Content = method == HttpMethod.Post ? new ByteArrayContent([]) : null,
        }, scope, ct, HttpCompletionOption.ResponseContentRead);

    private Uri Url(string relative) => new(baseUri, relative);

    private Uri Location(HttpResponseMessage response)
    {
        var location = response.Headers.Location
            ?? throw new RegistryException("registry answered an upload without a Location header");
        return location.IsAbsoluteUri ? location : new Uri(baseUri, location);
    }

    private static async Task EnsureSuccessAsync(
        HttpResponseMessage response,
        string what,
        CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await RegistryClient.ErrorAsync(response, what, ct);
        }
    }
}
