using RegistryOps.Core.Configuration;

namespace RegistryOps.Core.Jobs;

/// <summary>
/// One kind of background work. The runner does everything around a run (lock, history, metrics,
/// log scope, notification); a job only does its own work and reports how it went.
/// </summary>
public interface IJob
{
    /// <summary>Stable lower-case name used in config, logs (JOB=), metrics and the CLI.</summary>
    string Name { get; }

    /// <summary>What the runner must hold on the registry while this job runs.</summary>
    RegistryAccess Access { get; }

    /// <summary>This job's scheduling section of the given config snapshot.</summary>
    JobScheduleConfig GetSchedule(RegistryOpsConfig config);

    Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken);
}
