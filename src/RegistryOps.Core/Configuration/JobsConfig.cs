using RegistryOps.Core.Configuration.Yaml;

namespace RegistryOps.Core.Configuration;

/// <summary>One section per job. A job whose section is absent runs with its defaults
/// (enabled, no schedule: manual triggers only).</summary>
public sealed class JobsConfig
{
    public ChangesJobConfig Changes { get; init; } = new();

    public SyncJobConfig Sync { get; init; } = new();
}

/// <summary>The <c>changes</c> job: snapshot repositories, tags and digests and report the diff.</summary>
public sealed class ChangesJobConfig : JobScheduleConfig
{
    /// <summary>Most repositories listed in parallel. Default: 8.</summary>
    public int Parallelism { get; init; } = 8;

    /// <summary>Send a notification even when nothing changed. Default: false.</summary>
    public bool NotifyUnchanged { get; init; }
}

/// <summary>The <c>sync</c> job: copy images named in regsync files into the registry.</summary>
public sealed class SyncJobConfig : JobScheduleConfig
{
    /// <summary>Glob of regsync files (version 1). Default: /opt/registry/regsync*.yml.</summary>
    [FilePath]
    public string Files { get; init; } = "/opt/registry/regsync*.yml";

    /// <summary>Warn when Docker Hub's remaining pulls fall below this. Default: 175.</summary>
    public int HubWarnBelow { get; init; } = 175;

    /// <summary>Stop the run before it starts pulling when fewer pulls remain. Default: 75.</summary>
    public int HubAbortBelow { get; init; } = 75;

    /// <summary>Longest total wait for 429 Retry-After in one entry before it fails. Default: 15m.</summary>
    public TimeSpan RetryBudget { get; init; } = TimeSpan.FromMinutes(15);
}
