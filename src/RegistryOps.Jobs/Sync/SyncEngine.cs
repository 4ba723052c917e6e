using Microsoft.Extensions.Logging;

namespace RegistryOps.Jobs.Sync;

/// <summary>
/// Checks every entry and, unless it is a dry run, copies what is stale. A failure stays with its
/// image (or with its entry when the tags cannot be listed); the other images and entries go on.
/// </summary>
internal sealed class SyncEngine(ISyncRegistryProvider registries, ILogger logger, int entryParallelism = 4)
{
    private readonly SyncChecker _checker = new(registries);
    private readonly ImageCopier _copier = new(registries);

    public long BytesCopied => _copier.BytesCopied;

    public async Task<IReadOnlyList<EntryReport>> RunAsync(
        IReadOnlyList<SyncEntrySpec> entries,
        bool dryRun,
        CancellationToken cancellationToken)
    {
        var reports = new EntryReport[entries.Count];
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, entryParallelism),
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, entries.Count), options, async (i, ct) =>
            reports[i] = await RunEntryAsync(entries[i], dryRun, ct));
        return reports;
    }

    public async Task<EntryReport> RunEntryAsync(
        SyncEntrySpec entry,
        bool dryRun,
        CancellationToken cancellationToken)
    {
        var check = await _checker.CheckAsync(entry, cancellationToken);
        if (check.Error is not null)
        {
            SyncLog.EntryFailed(logger, entry.ToString(), check.Error);
            return new EntryReport(entry, [], check.Error);
        }

        // regsync's ratelimit.min: the check's HEADs (free on Docker Hub) have just refreshed the
        // source's budget; below the minimum nothing is pulled and the next run tries again.
        // regsync would sleep ratelimit.retry and look again within the run; a daemon run defers.
        var remaining = registries.Get(entry.Source.Registry).LastRateLimit?.Remaining;
        var defer = entry.RateLimitMin > 0 && remaining < entry.RateLimitMin;
        if (defer)
        {
            SyncLog.EntryDeferred(logger, entry.ToString(), remaining, entry.RateLimitMin);
        }

        var results = new ImageResult[check.Images.Count];
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, entry.Parallel),
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, results.Length), options, async (i, ct) =>
            results[i] = await RunImageAsync(entry, check.Images[i], dryRun, defer, ct));
        return new EntryReport(entry, results);
    }

    private async Task<ImageResult> RunImageAsync(
        SyncEntrySpec entry,
        ImageCheck image,
        bool dryRun,
        bool defer,
        CancellationToken cancellationToken)
    {
        var sourceDigest = image.SourceManifest?.Digest;
        var targetDigest = image.TargetManifest?.Digest;
        ImageResult Result(ImageOutcome outcome, long bytes = 0, string? error = null) =>
            new(image.Source, image.Target, outcome, sourceDigest, targetDigest, bytes, error);

        switch (image.State)
        {
            case ImageState.UpToDate:
                return Result(ImageOutcome.Unchanged);
            case ImageState.SourceMissing:
                return Result(ImageOutcome.SourceMissing);
            case ImageState.Error:
                SyncLog.ImageFailed(logger, image.Source.ToString(), image.Target.ToString(), image.Error!);
                return Result(ImageOutcome.Failed, error: image.Error);
        }

        if (dryRun)
        {
            return Result(ImageOutcome.Stale);
        }

        if (defer)
        {
            return Result(ImageOutcome.Deferred);
        }

        try
        {
            var bytes = await _copier.CopyAsync(entry, image, cancellationToken);
            SyncLog.ImageSynced(logger, image.Source.ToString(), image.Target.ToString(), sourceDigest, bytes);
            return Result(ImageOutcome.Synced, bytes);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            SyncLog.ImageFailed(logger, image.Source.ToString(), image.Target.ToString(), ex.Message);
            return Result(ImageOutcome.Failed, error: ex.Message);
        }
    }
}
