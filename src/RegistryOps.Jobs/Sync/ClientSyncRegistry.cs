using RegistryOps.Core.Distribution;

namespace RegistryOps.Jobs.Sync;

/// <summary>The engine's view of one registry, over the distribution client.</summary>
internal sealed class ClientSyncRegistry(string host, RegistryClient client) : ISyncRegistry
{
    public string Host { get; } = host;

    public RegistryClient Client { get; } = client;

    public RateLimitInfo? LastRateLimit => Client.LastRateLimit;

    public async Task<IReadOnlyList<string>> ListRepositoriesAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var name in Client.ListRepositoriesAsync(cancellationToken))
        {
            names.Add(name);
        }

        return names;
    }

    public Task<IReadOnlyList<string>> ListTagsAsync(
        string repository,
        CancellationToken cancellationToken) =>
        Client.ListTagsAsync(repository, cancellationToken);

    public Task<ManifestHead?> HeadManifestAsync(string repository, string reference, CancellationToken ct) =>
        Client.HeadManifestAsync(repository, reference, ct);

    public Task<ManifestData> GetManifestAsync(string repository, string reference, CancellationToken ct) =>
        Client.GetManifestAsync(repository, reference, ct);

    public Task<Stream> OpenBlobAsync(
        string repository,
        string digest,
        CancellationToken cancellationToken) =>
        Client.GetBlobAsync(repository, digest, cancellationToken);

    public Task<bool> BlobExistsAsync(
        string repository,
        string digest,
        CancellationToken cancellationToken) =>
        Client.BlobExistsAsync(repository, digest, cancellationToken);

    public Task<bool> MountBlobAsync(
        string repository,
        string digest,
        string fromRepository,
        CancellationToken ct) =>
        Client.MountBlobAsync(repository, digest, fromRepository, ct);

    public Task<long> UploadBlobAsync(string repository, string digest, long size, Stream content,
        CancellationToken cancellationToken) =>
        Client.UploadBlobAsync(repository, digest, size, content, cancellationToken);

    public Task<string> PutManifestAsync(string repository, string reference, byte[] content, string mediaType,
        CancellationToken cancellationToken) =>
        Client.PutManifestAsync(repository, reference, content, mediaType, cancellationToken);
}
