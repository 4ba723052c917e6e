using System.Collections.Concurrent;
using RegistryOps.Core.Distribution;

namespace RegistryOps.Jobs.Sync;

/// <summary>
/// Copies images over the distribution API, one instance per run. Order: blobs before the manifest
/// that names them, child manifests before their index, the tag last, so a reader never sees a tag
/// pointing at something incomplete.
/// <para>An index is copied whole with every child, byte for byte, so its digest is the source's.
/// That is also what is done when an entry lists <c>platforms</c>: building a narrower index would
/// change the digest (digest pins and signatures would no longer match, and every later check would
/// need a GET to compare), and copying the unchanged index with children missing is rejected by
/// some registries. The cost is storage for platforms nobody asked for. With <c>platform</c>
/// (singular) only that platform's manifest is copied and tagged.</para>
/// </summary>
internal sealed partial class ImageCopier(ISyncRegistryProvider registries, int blobParallelism = 4)
{
    // One transfer per target registry and digest at a time; the task yields the repository the
    // blob landed in, so a second repository waiting for it mounts instead of uploading again.
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _inFlight = new();

    // Where each blob is known to be in each target registry, for cross-repository mounts.
    private readonly ConcurrentDictionary<string, string> _landed = new();

    private readonly SemaphoreSlim _sameRegistryUploads = new(1, 1);

    private long _bytesCopied;

    public long BytesCopied => Interlocked.Read(ref _bytesCopied);

    /// <summary>Copies one checked image; returns the blob bytes uploaded for it.</summary>
    public async Task<long> CopyAsync(
        SyncEntrySpec entry,
        ImageCheck image,
        CancellationToken cancellationToken)
    {
        var copy = new CopyScope(
            registries.Get(image.Source.Registry),
            image.Source.Repository,
            registries.Get(image.Target.Registry),
            image.Target.Repository);

        // The checker's source digest is the platform's manifest when `platform` picked one.
        var reference = image.SourceManifest?.Digest ?? image.Source.Tag!;
        var top = await GetVerifiedAsync(copy.Source, copy.SourceRepository, reference, cancellationToken);
        var document = ManifestDocument.Parse(top.Content);

        if (document.IsIndex && entry.Platform is not null)
        {
            var child = document.FindPlatform(entry.Platform)
                ?? throw new RegistryException($"{image.Source} has no manifest for platform {entry.Platform}");
            top = await CopyManifestAsync(copy, child.Digest, putByDigest: false, cancellationToken);
        }
        else if (document.IsIndex)
        {
            await CopyChildrenAsync(copy, document, cancellationToken);
        }
        else
        {
            await CopyBlobsAsync(copy, document.Blobs, cancellationToken);
        }

        await BackupAsync(entry, image, copy.Target, cancellationToken);
        await copy.Target.PutManifestAsync(copy.TargetRepository, image.Target.Tag!, top.Content, top.MediaType,
            cancellationToken);
        return copy.Bytes;
    }

    private async Task CopyChildrenAsync(
        CopyScope copy,
        ManifestDocument index,
        CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(index.Children, options, async (child, ct) =>
            await CopyManifestAsync(copy, child.Digest, putByDigest: true, ct));
    }

    private async Task<ManifestData> CopyManifestAsync(
        CopyScope copy,
        string digest,
        bool putByDigest,
        CancellationToken cancellationToken)
    {
        var content = await GetVerifiedAsync(copy.Source, copy.SourceRepository, digest, cancellationToken);
        var document = ManifestDocument.Parse(content.Content);

        if (document.IsIndex)
        {
            await CopyChildrenAsync(copy, document, cancellationToken);
        }
        else
        {
            await CopyBlobsAsync(copy, document.Blobs, cancellationToken);
        }

        if (putByDigest)
        {
            await copy.Target.PutManifestAsync(copy.TargetRepository, digest, content.Content, content.MediaType,
                cancellationToken);
        }

        return content;
    }

    private async Task BackupAsync(
        SyncEntrySpec entry,
        ImageCheck image,
        ISyncRegistry target,
        CancellationToken ct)
    {
        if (entry.Backup is null || image.TargetManifest is null)
        {
            return;
        }

        var old = image.TargetManifest.Digest;
        var backup = BackupTemplate.Render(entry.Backup, image.Target, old);
        if (backup.Repository != image.Target.Repository)
        {
            // The old manifest's blobs live in the target repository only; another repository
            // would need them mounted first, which this engine does not do for backups.
            throw new FormatException($"backup '{backup}' must be a tag in {image.Target.Repository}");
        }

        var content = await GetVerifiedAsync(target, image.Target.Repository, old, ct);
        await target.PutManifestAsync(backup.Repository, backup.Tag!, content.Content, content.MediaType, ct);
    }

    private static async Task<ManifestData> GetVerifiedAsync(
        ISyncRegistry registry,
        string repository,
        string reference,
        CancellationToken cancellationToken)
    {
        var content = await registry.GetManifestAsync(repository, reference, cancellationToken);
        var actual = Digests.Sha256(content.Content);
        var expected = reference.StartsWith("sha256:", StringComparison.Ordinal) ? reference : content.Digest;
        if (!string.Equals(actual, expected, StringComparison.Ordinal))
        {
            throw new DigestMismatchException(repository, expected, actual);
        }

        return content;
    }
}
