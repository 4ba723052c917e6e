namespace RegistryOps.Core.Distribution;

/// <summary>
/// The write side: blob existence, cross-repository mount, streamed upload verified against its
/// digest before commit, manifest put and delete. The protocol lives in <see cref="RegistryWriter"/>;
/// here it is bound to this client's authenticated, limited <see cref="SendAsync"/>.
/// </summary>
public sealed partial class RegistryClient
{
    private RegistryWriter? _writer;

    private RegistryWriter Writer => _writer ??= new RegistryWriter(_base, SendAsync);

    /// <summary>HEAD of a blob: true when the repository holds it, false on 404.</summary>
    public Task<bool> BlobExistsAsync(string repository, string digest, CancellationToken cancellationToken) =>
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
    public Task<bool> DeleteManifestAsync(string repository, string digest, CancellationToken cancellationToken) =>
        Writer.DeleteManifestAsync(repository, digest, cancellationToken);
}
