using Cronos;

namespace RegistryOps.Core.Configuration;

/// <summary>The scheduling keys every job section shares.</summary>
public abstract class JobScheduleConfig
{
    /// <summary>Run this job at all (schedule and triggers). Default: true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Cron expression (5 fields, or 6 with seconds) in the configured time zone.
    /// Null: only manual triggers and run_on_start.</summary>
    public CronExpression? Schedule { get; init; }

    /// <summary>Skip a scheduled run when the last successful one is more recent than this.
    /// Default: 0 (no minimum).</summary>
    public TimeSpan MinInterval { get; init; } = TimeSpan.Zero;

    /// <summary>Run once as soon as the daemon has started. Default: false.</summary>
    public bool RunOnStart { get; init; }

    /// <summary>What to do at start when a scheduled run was missed while the daemon was down.
    /// Default: skip.</summary>
    public MissedRunPolicy Missed { get; init; } = MissedRunPolicy.Skip;

    /// <summary>A run still going after this long is cancelled. Default: 1h.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Longest wait for the registry lock before the run is skipped. Default: 10m.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(10);
}

/// <summary>Policy for a scheduled run that fell in a time the daemon was not running.</summary>
public enum MissedRunPolicy
{
    /// <summary>Wait for the next occurrence.</summary>
    Skip,

    /// <summary>Run once at start (however many occurrences were missed).</summary>
    RunOnce,
}
