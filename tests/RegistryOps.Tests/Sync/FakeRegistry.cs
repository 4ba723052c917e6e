using System.Collections.Concurrent;
using System.Net;
using System.Text;
using RegistryOps.Core.Distribution;
using RegistryOps.Jobs.Sync;

namespace RegistryOps.Tests.Sync;

/// <summary>An in-memory registry: repositories of tags, manifests by digest, blobs by digest and
/// repository, with counters of every call and switches for failures.</summary>
internal sealed class FakeRegistry(string host) : ISyncRegistry
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string>> _tags = new();
    private readonly ConcurrentDictionary<string, (byte[] Bytes, string MediaType)> _manifests = new();
    private readonly ConcurrentDictionary<string, byte[]> _blobs = new();
    private readonly ConcurrentDictionary<string, bool> _blobLinks = new();
    private readonly ConcurrentDictionary<string, int> _calls = new();

    public string Host { get; } = host;

    public RateLimitInfo? LastRateLimit { get; set; }

    /// <summary>Status a HEAD of a manifest answers with instead of the truth (e.g. 401, 503).</summary>
    public int? HeadFailure { get; set; }

    /// <summary>Every call fails as if the host did not answer.</summary>
    public bool Unreachable { get; set; }

    /// <summary>Blob reads return their bytes with one byte changed.</summary>
    public bool CorruptBlobs { get; set; }

    public int Calls(string name) => _calls.GetValueOrDefault(name);

    public int TotalCalls => _calls.Values.Sum();

    public void ResetCalls() => _calls.Clear();

    public string AddBlob(string repository, byte[] content)
    {
        var digest = Digests.Sha256(content);
        _blobs[digest] = content;
        _blobLinks[$"{repository}@{digest}"] = true;
        return digest;
    }

    public string AddManifest(string repository, string? tag, byte[] content, string mediaType)
    {
        var digest = Digests.Sha256(content);
        _manifests[$"{repository}@{digest}"] = (content, mediaType);
        if (tag is not null)
        {
            _tags.GetOrAdd(repository, _ => new())[tag] = digest;
        }

        return digest;
    }

    public string? TagDigest(string repository, string tag) =>
        _tags.TryGetValue(repository, out var tags) ? tags.GetValueOrDefault(tag) : null;

    public bool HasBlob(string repository, string digest) => _blobLinks.ContainsKey($"{repository}@{digest}");

    public IReadOnlyList<string> Tags(string repository) =>
        _tags.TryGetValue(repository, out var tags) ? tags.Keys.Order().ToList() : [];

    public Task<IReadOnlyList<string>> ListRepositoriesAsync(CancellationToken cancellationToken)
    {
        Count("catalog");
        return Task.FromResult<IReadOnlyList<string>>(_tags.Keys.Order().ToList());
    }

    public Task<IReadOnlyList<string>> ListTagsAsync(string repository, CancellationToken cancellationToken)
    {
        Count("tags");
        return Task.FromResult(Tags(repository));
    }

    public Task<ManifestHead?> HeadManifestAsync(string repository, string reference, CancellationToken ct)
    {
        Count("head");
        if (HeadFailure is { } status)
        {
            throw Fail($"HEAD answered {status}", status);
        }

        var found = Find(repository, reference);
        return Task.FromResult(found is null ? null
            : new ManifestHead(found.Value.Digest, found.Value.MediaType, found.Value.Bytes.Length));
    }

    public Task<ManifestData> GetManifestAsync(string repository, string reference, CancellationToken ct)
    {
        Count("get");
        var found = Find(repository, reference) ?? throw Fail("manifest unknown", 404);
        return Task.FromResult(new ManifestData(found.Bytes, found.MediaType, found.Digest));
    }

    public Task<Stream> OpenBlobAsync(string repository, string digest, CancellationToken cancellationToken)
    {
        Count("blob-get");
        if (!HasBlob(repository, digest))
        {
            throw Fail("blob unknown", 404);
        }

        var bytes = _blobs[digest].ToArray();
        if (CorruptBlobs)
        {
            bytes[bytes.Length / 2] ^= 0x01;
        }

        return Task.FromResult<Stream>(new MemoryStream(bytes));
    }

    public Task<bool> BlobExistsAsync(string repository, string digest, CancellationToken cancellationToken)
    {
        Count("blob-head");
        return Task.FromResult(HasBlob(repository, digest));
    }

    public Task<bool> MountBlobAsync(string repository, string digest, string fromRepository, CancellationToken ct)
    {
        Count("mount");
        if (!HasBlob(fromRepository, digest))
        {
            return Task.FromResult(false);
        }

        _blobLinks[$"{repository}@{digest}"] = true;
        return Task.FromResult(true);
    }

    public async Task<long> UploadBlobAsync(string repository, string digest, long size, Stream content,
        CancellationToken cancellationToken)
    {
        Count("upload");
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var actual = Digests.Sha256(buffer.ToArray());
        if (actual != digest)
        {
            throw new DigestMismatchException(repository, digest, actual);
        }

        _blobs[digest] = buffer.ToArray();
        _blobLinks[$"{repository}@{digest}"] = true;
        return buffer.Length;
    }

    public Task<string> PutManifestAsync(string repository, string reference, byte[] content, string mediaType,
        CancellationToken cancellationToken)
    {
        Count("put");
        foreach (var blob in ManifestDocument.Parse(content).Blobs)
        {
            if (!HasBlob(repository, blob.Digest))
            {
                throw Fail($"manifest names unknown blob {blob.Digest}", 400);
            }
        }

        var tag = reference.StartsWith("sha256:", StringComparison.Ordinal) ? null : reference;
        return Task.FromResult(AddManifest(repository, tag, content, mediaType));
    }

    private (byte[] Bytes, string MediaType, string Digest)? Find(string repository, string reference)
    {
        var digest = reference.StartsWith("sha256:", StringComparison.Ordinal)
            ? reference
            : TagDigest(repository, reference);
        return digest is not null && _manifests.TryGetValue($"{repository}@{digest}", out var m)
            ? (m.Bytes, m.MediaType, digest)
            : null;
    }

    private static RegistryException Fail(string message, int status) => status switch
    {
        401 or 403 => new RegistryAuthException(message, (HttpStatusCode)status),
        404 => new RegistryNotFoundException(message),
        _ => new RegistryException(message, (HttpStatusCode)status, null, null),
    };

    private void Count(string name)
    {
        if (Unreachable)
        {
            throw new RegistryUnavailableException($"{Host} unreachable", null, null, null);
        }

        _calls.AddOrUpdate(name, 1, (_, n) => n + 1);
    }
}
