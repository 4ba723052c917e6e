using RegistryOps.Core.Distribution;

namespace RegistryOps.Jobs.Sync;

internal sealed partial class ImageCopier
{
    private async Task CopyBlobsAsync(CopyScope copy, IReadOnlyList<Descriptor> blobs, CancellationToken ct)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = blobParallelism, CancellationToken = ct };
        await Parallel.ForEachAsync(blobs.DistinctBy(b => b.Digest), options, async (blob, token) =>
            await EnsureBlobAsync(copy, blob, token));
    }

    /// <summary>Makes the target repository hold the blob: skipped when there, else mounted from a
    /// repository known to hold it, else streamed from the source with its digest verified.</summary>
    private async Task EnsureBlobAsync(CopyScope copy, Descriptor blob, CancellationToken cancellationToken)
    {
        if (await copy.Target.BlobExistsAsync(copy.TargetRepository, blob.Digest, cancellationToken))
        {
            Remember(copy, blob.Digest, copy.TargetRepository);
            return;
        }

        var key = $"{copy.Target.Host}|{blob.Digest}";
        var mine = new Lazy<Task<string>>(() => PlaceAsync(copy, blob, cancellationToken));
        var current = _inFlight.GetOrAdd(key, mine);
        string landed;
        try
        {
            landed = await current.Value;
        }
        finally
        {
            if (ReferenceEquals(mine, current))
            {
                // Finished transfers are remembered in _landed; a failed one may be tried again.
                _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(key, mine));
            }
        }

        if (landed != copy.TargetRepository)
        {
            await MountOrUploadAsync(copy, blob, landed, cancellationToken);
        }
    }

    private async Task<string> PlaceAsync(
        CopyScope copy,
        Descriptor blob,
        CancellationToken cancellationToken)
    {
        var from = _landed.GetValueOrDefault($"{copy.Target.Host}|{blob.Digest}");
        if (from is null && copy.Source.Host == copy.Target.Host)
        {
            from = copy.SourceRepository;
        }

        await MountOrUploadAsync(copy, blob, from, cancellationToken);
        return copy.TargetRepository;
    }

    private async Task MountOrUploadAsync(
        CopyScope copy,
        Descriptor blob,
        string? from,
        CancellationToken cancellationToken)
    {
        if (from is not null && from != copy.TargetRepository
            && await copy.Target.MountBlobAsync(copy.TargetRepository, blob.Digest, from, cancellationToken))
        {
            Remember(copy, blob.Digest, copy.TargetRepository);
            return;
        }

        // Within one registry the download and the upload share one client's connection pool: each
        // streamed copy holds two connections, so enough of them at once would wait on each other
        // forever. Such copies (only when a mount was refused) go one at a time.
        var sameRegistry = ReferenceEquals(copy.Source, copy.Target);
        if (sameRegistry)
        {
            await _sameRegistryUploads.WaitAsync(cancellationToken);
        }

        long sent;
        try
        {
            await using var stream = await copy.Source.OpenBlobAsync(copy.SourceRepository, blob.Digest,
                cancellationToken);
            sent = await copy.Target.UploadBlobAsync(copy.TargetRepository, blob.Digest, blob.Size, stream,
                cancellationToken);
        }
        finally
        {
            if (sameRegistry)
            {
                _sameRegistryUploads.Release();
            }
        }

        copy.Add(sent);
        Interlocked.Add(ref _bytesCopied, sent);
        Remember(copy, blob.Digest, copy.TargetRepository);
    }

    private void Remember(CopyScope copy, string digest, string repository) =>
        _landed.TryAdd($"{copy.Target.Host}|{digest}", repository);
}
