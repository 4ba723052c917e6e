using RegistryOps.Core.Distribution;
namespace RegistryOps.Jobs.Sync;

/// <summary>
/// What the sync engine needs from one registry. The production implementation adapts the
/// distribution client; tests use an in-memory registry. Failures other than "not found" throw
/// <see cref="RegistryException"/> carrying the HTTP status when there was one.
/// </summary>
internal interface ISyncRegistry
{
    /// <summary>Host as written in sync entries (e.g. docker.io, 127.0.0.1:5000).</summary>
    string Host { get; }

    /// <summary>Every repository, across catalog pages.</summary>
    Task<IReadOnlyList<string>> ListRepositoriesAsync(CancellationToken cancellationToken);

    /// <summary>Every tag of a repository, across pages; empty when the repository is unknown.</summary>
    Task<IReadOnlyList<string>> ListTagsAsync(string repository, CancellationToken cancellationToken);

    /// <summary>HEAD of a manifest with every manifest media type accepted; null on 404.</summary>
    Task<ManifestHead?> HeadManifestAsync(
        string repository,
        string reference,
        CancellationToken cancellationToken);

    Task<ManifestData> GetManifestAsync(
        string repository,
        string reference,
        CancellationToken cancellationToken);

    Task<Stream> OpenBlobAsync(string repository, string digest, CancellationToken cancellationToken);

    Task<bool> BlobExistsAsync(string repository, string digest, CancellationToken cancellationToken);

    Task<bool> MountBlobAsync(
        string repository,
        string digest,
        string fromRepository,
        CancellationToken cancellationToken);

    /// <summary>Streams a blob in, committing it only when its sha256 matches; returns bytes sent.</summary>
    Task<long> UploadBlobAsync(
        string repository,
        string digest,
        long size,
        Stream content,
        CancellationToken cancellationToken);

    Task<string> PutManifestAsync(
        string repository,
        string reference,
        byte[] content,
        string mediaType,
        CancellationToken cancellationToken);

    /// <summary>The last Docker Hub style rate-limit headers seen, if any.</summary>
    RateLimitInfo? LastRateLimit { get; }
}
