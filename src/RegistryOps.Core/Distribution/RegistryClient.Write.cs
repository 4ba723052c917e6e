namespace RegistryOps.Core.Distribution;

/// <summary>
/// The write side: blob existence, cross-repository mount, streamed upload verified against its
/// digest before commit, manifest put and delete. The protocol lives in <see cref="RegistryWriter"/>;
/// here it is bound to this client's authenticated, limited <see cref="SendAsync"/>.
/// </summary>
public sealed partial class RegistryClient
{
    /// <summary>Slowest average rate an upload may have before it counts as stalled.</summary>
    private const long MinUploadBytesPerSecond = 256 * 1024;

    private RegistryWriter? _writer;

    private RegistryWriter Writer => _writer ??= new RegistryWriter(_base, SendAsync, SendStreamAsync);

    /// <summary>HEAD of a blob: true when the repository holds it, false on 404.</summary>
    public Task<bool> BlobExistsAsync(
        string repository,
        string digest,
        CancellationToken cancellationToken) =>
        Writer.BlobExistsAsync(repository, digest, cancellationToken);

    /// <summary>Links a blob the registry holds in <paramref name="fromRepository"/>; false when the
    /// registry declined (its upload session is cancelled).</summary>
    public Task<bool> MountBlobAsync(string repository, string digest, string fromRepository,
        CancellationToken cancellationToken) =>
        Writer.MountBlobAsync(repository, digest, fromRepository, cancellationToken);

    /// <summary>Streams a blob in, hashing it on the way, and commits only when the sha256 and the
    /// size match; otherwise the session is deleted and <see cref="DigestMismatchException"/>
    /// thrown. Returns the bytes sent.</summary>
    public Task<long> UploadBlobAsync(string repository, string digest, long size, Stream source,
        CancellationToken cancellationToken) =>
        Writer.UploadBlobAsync(repository, digest, size, source, cancellationToken);

    /// <summary>Puts a manifest's exact bytes under a tag or digest; returns its digest.</summary>
    public Task<string> PutManifestAsync(string repository, string reference, byte[] content, string mediaType,
        CancellationToken cancellationToken) =>
        Writer.PutManifestAsync(repository, reference, content, mediaType, cancellationToken);

    /// <summary>Deletes a manifest by digest (the registry must allow deletes); false on 404.</summary>
    public Task<bool> DeleteManifestAsync(
        string repository,
        string digest,
        CancellationToken cancellationToken) =>
        Writer.DeleteManifestAsync(repository, digest, cancellationToken);

    /// <summary>
    /// Sends a request whose body is a one-time stream: once, outside the retry pipeline, whose
    /// per-attempt timeout would cut a large upload short. Its time limit grows with the blob
    /// (the request timeout plus the size at <see cref="MinUploadBytesPerSecond"/>). The scope's
    /// token is already in hand from opening the session, so no 401 round is expected; a 401 or
    /// 429 here is returned to the caller, which deletes the session.
    /// </summary>
    private async Task<HttpResponseMessage> SendStreamAsync(
        Func<HttpRequestMessage> build,
        string scope,
        CancellationToken cancellationToken,
        HttpCompletionOption completion)
    {
        await _concurrency.WaitAsync(cancellationToken);
        var request = build();
        try
        {
            if (_rate is not null)
            {
                using var lease = await _rate.AcquireAsync(1, cancellationToken);
            }

            await _auth.AuthorizeAsync(request, scope, cancellationToken);
            Stats.Record(request.Method);

            var size = request.Options.TryGetValue(RegistryWriter.UploadSize, out var bytes) ? bytes : 0;
            var limit = (Endpoint.RequestTimeout ?? RegistryEndpoint.DefaultRequestTimeout)
                + TimeSpan.FromSeconds((double)size / MinUploadBytesPerSecond);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(limit);
            try
            {
                return await _http.SendAsync(request, completion, timeout.Token);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new RegistryUnavailableException(
                    $"upload to {Endpoint.Authority} did not finish within {limit}", request.Method.Method,
                    RedactedUrl(request.RequestUri!), ex);
            }
            catch (HttpRequestException ex)
            {
                throw new RegistryUnavailableException(
                    $"upload to {Endpoint.Authority} failed: {ex.Message}", request.Method.Method,
                    RedactedUrl(request.RequestUri!), ex);
            }
        }
        finally
        {
            request.Dispose();
            _concurrency.Release();
        }
    }
}
