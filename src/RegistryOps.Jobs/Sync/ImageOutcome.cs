namespace RegistryOps.Jobs.Sync;

/// <summary>What a run did with one image; also the <c>outcome</c> label of the images metric.</summary>
internal enum ImageOutcome
{
    Synced,
    Unchanged,

    /// <summary>Dry run: would have been copied.</summary>
    Stale,

    SourceMissing,
    Failed,

    /// <summary>Not copied this run: the source's pull budget is below the entry's
    /// <c>ratelimit.min</c>. The next run tries again.</summary>
    Deferred,
}
