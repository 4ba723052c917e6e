using RegistryOps.Core.Jobs;

namespace RegistryOps.Core.Scheduling;

/// <summary>Runs one job once with everything around it: the never-twice check, the registry
/// lock, run history, metrics, the log scope (JOB, RUN_ID) and the notification.</summary>
public interface IJobRunner
{
    Task<RunReport> RunAsync(IJob job, JobTrigger trigger, bool dryRun, CancellationToken cancellationToken);

    bool IsRunning(string job);

    /// <summary>The run id of the job's current run, or null when it is not running.</summary>
    string? CurrentRunId(string job);
}

public sealed record RunReport(
    string RunId,
    string Job,
    JobOutcome Outcome,
    string Summary,
    TimeSpan Duration);
