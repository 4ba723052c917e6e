using Cronos;

namespace RegistryOps.Jobs.Sync.Config;

/// <summary>
/// One <c>sync</c> item of a regsync file with the file's <c>defaults</c> applied: every property
/// holds the value the engine must use.
/// </summary>
public sealed record SyncEntry
{
    /// <summary>The regsync file the entry came from.</summary>
    public required string File { get; init; }

    /// <summary>Position in the file's <c>sync</c> list, from 0.</summary>
    public int Index { get; init; }

    /// <summary>Line and column of the entry (1-based).</summary>
    public int Line { get; init; }

    public int Column { get; init; }

    public required string Source { get; init; }

    public required string Target { get; init; }

    public SyncType Type { get; init; }

    /// <summary>The <c>tags</c> key as written (empty when absent).</summary>
    public TagSet Tags { get; init; } = TagSet.Empty;

    /// <summary>The <c>tagSets</c> key as written.</summary>
    public IReadOnlyList<TagSet> TagSets { get; init; } = [];

    /// <summary>The <c>repos</c> key as written (type registry only).</summary>
    public TagSet Repos { get; init; } = TagSet.Empty;

    /// <summary>Compiled union of <see cref="TagSets"/> and <see cref="Tags"/>.</summary>
    public TagFilter TagFilter { get; init; } = TagFilter.All;

    /// <summary>Compiled <see cref="Repos"/> filter.</summary>
    public FilterSet RepoFilter { get; init; } = FilterSet.All;

    /// <summary>Tag template for a backup of the target before it is overwritten; expanded by the
    /// engine (it may use <c>.Ref</c>). Null: no backup.</summary>
    public string? Backup { get; init; }

    /// <summary>Least time between two syncs of this entry. Null: every run.</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>Cron schedule of this entry; wins over <see cref="Interval"/>.</summary>
    public CronExpression? Schedule { get; init; }

    /// <summary>The schedule as written, for display.</summary>
    public string? ScheduleText { get; init; }

    /// <summary>Least source pulls remaining to start this entry. Default: 0 (no check).</summary>
    public int RateLimitMin { get; init; }

    /// <summary>Wait before checking a low rate limit again. Default and minimum: 5m.</summary>
    public TimeSpan RateLimitRetry { get; init; } = RegsyncDefaults.RateLimitRetryMin;

    /// <summary>Manifest media types to copy. Default: the two Docker v2 and two OCI types.</summary>
    public IReadOnlyList<string> MediaTypes { get; init; } = RegsyncDefaults.MediaTypes;

    /// <summary>Copy only this platform's manifest of a multi-platform image.</summary>
    public string? Platform { get; init; }

    /// <summary>Copy only these platforms of a multi-platform image.</summary>
    public IReadOnlyList<string> Platforms { get; init; } = [];

    public bool DigestTags { get; init; }

    /// <summary>Skip the deeper checks when the target tag already has the source digest.
    /// Read from <c>fastCheck</c> or its documented alias <c>fastCopy</c>.</summary>
    public bool FastCheck { get; init; }

    public bool ForceRecursive { get; init; }

    /// <summary>True when a value kept a template this reader cannot expand (a warning says where);
    /// the engine should not sync such an entry.</summary>
    public bool HasUnresolvedTemplate { get; init; }
}
