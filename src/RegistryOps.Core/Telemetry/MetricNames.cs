namespace RegistryOps.Core.Telemetry;

/// <summary>
/// Every instrument and tag name in one place. The Prometheus exporter turns dots into
/// underscores and adds the unit suffix and <c>_total</c> for counters, so
/// <c>registryops.job.runs</c> is scraped as <c>registryops_job_runs_total</c>.
/// </summary>
public static class MetricNames
{
    public const string MeterName = "RegistryOps";

    public const string JobRuns = "registryops.job.runs";
    public const string JobDuration = "registryops.job.duration";
    public const string JobLastSuccess = "registryops.job.last_success";
    public const string JobNextRun = "registryops.job.next_run";
    public const string JobRunning = "registryops.job.running";
    public const string ConfigReloads = "registryops.config.reloads";
    public const string LockWait = "registryops.lock.wait";
    public const string LockHolders = "registryops.lock.holders";
    public const string LockWaiters = "registryops.lock.waiters";
    public const string RegistryUp = "registryops.registry.up";
    public const string NotificationsSent = "registryops.notifications.sent";

    public const string ChangesRepositories = "registryops.changes.repositories";
    public const string ChangesTags = "registryops.changes.tags";
    public const string ChangesDetected = "registryops.changes.detected";

    public const string SyncImages = "registryops.sync.images";
    public const string SyncBytes = "registryops.sync.copied";
    public const string HubRemaining = "registryops.sync.hub_pulls_remaining";

    public const string TagJob = "job";
    public const string TagOutcome = "outcome";
    public const string TagResult = "result";
    public const string TagAccess = "access";
    public const string TagChannel = "channel";
    public const string TagKind = "kind";
}
