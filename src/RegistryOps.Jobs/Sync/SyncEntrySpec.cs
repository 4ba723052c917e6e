using Cronos;

namespace RegistryOps.Jobs.Sync;

/// <summary>
/// One sync entry as the engine runs it, resolved from a regsync file: where from, where to, which
/// tags and repositories, and the per-entry options the engine honours.
/// </summary>
internal sealed record SyncEntrySpec(string Key, SyncKind Kind, ImageReference Source, ImageReference Target)
{
    /// <summary>Chooses the tags to sync from a repository's tags (regsync tag filters).
    /// Null: every tag.</summary>
    public Func<IReadOnlyList<string>, IReadOnlyList<string>>? TagFilter { get; init; }

    /// <summary>For type registry: keeps a repository (repos allow/deny). Null: every one.</summary>
    public Func<string, bool>? RepositoryFilter { get; init; }

    /// <summary>Copy only this platform's manifest out of an index, e.g. <c>linux/amd64</c>.</summary>
    public string? Platform { get; init; }

    /// <summary>Platforms asked for. The engine copies an index whole (see ImageCopier) so this
    /// narrows nothing; it is kept to be reported.</summary>
    public IReadOnlyList<string>? Platforms { get; init; }

    /// <summary>Tag template for the previous target image before it is overwritten.</summary>
    public string? Backup { get; init; }

    /// <summary>Images copied at once in this entry. Default: 2.</summary>
    public int Parallel { get; init; } = 2;

    /// <summary>Least pulls the source must have left to copy (regsync <c>ratelimit.min</c>);
    /// 0: no check.</summary>
    public int RateLimitMin { get; init; }

    /// <summary>Least time between syncs of this entry (regsync <c>interval</c>).</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>Cron schedule of this entry (regsync <c>schedule</c>); wins over Interval.</summary>
    public CronExpression? Schedule { get; init; }

    public override string ToString() => $"{Source} -> {Target}";
}
