using Microsoft.Extensions.Logging;

namespace RegistryOps.Core.Scheduling;

/// <summary>Log events of the scheduler (event ids 1350-1399).</summary>
internal static partial class SchedulerLog
{
    [LoggerMessage(1350, LogLevel.Debug, "{Job} next runs at {NextRun:u}")]
    public static partial void NextRun(ILogger logger, string job, DateTimeOffset nextRun);

    [LoggerMessage(1351, LogLevel.Debug,
        "{Job} scheduled run skipped: last success started {LastSuccess:u}, less than {MinInterval} ago")]
    public static partial void TooSoon(ILogger logger, string job, DateTimeOffset lastSuccess, string minInterval);

    [LoggerMessage(1352, LogLevel.Information, "{Job} occurrence at {Due:u} skipped: the previous run is still going")]
    public static partial void StillRunning(ILogger logger, string job, DateTimeOffset due);

    [LoggerMessage(1353, LogLevel.Information,
        "{Job} missed its run at {Missed:u} while the daemon was down; running it once now")]
    public static partial void MissedRun(ILogger logger, string job, DateTimeOffset missed);

    [LoggerMessage(1354, LogLevel.Error, "Scheduler step failed; retrying in {RetrySeconds}s")]
    public static partial void StepFailed(ILogger logger, Exception exception, int retrySeconds);

    [LoggerMessage(1355, LogLevel.Warning, "{Count} job run(s) still going {Grace} after the stop request: {Jobs}")]
    public static partial void StopGraceExceeded(ILogger logger, int count, string grace, string jobs);

    [LoggerMessage(1356, LogLevel.Debug, "Schedules recomputed for the new config")]
    public static partial void Recomputed(ILogger logger);

    [LoggerMessage(1357, LogLevel.Error, "Run of {Job} ended with an unexpected error in the scheduler")]
    public static partial void RunCrashed(ILogger logger, Exception exception, string job);

    [LoggerMessage(1358, LogLevel.Error, "Scheduler start-up step {Step} failed")]
    public static partial void StartupFailed(ILogger logger, Exception exception, string step);

    [LoggerMessage(1360, LogLevel.Warning, "A status listener failed")]
    public static partial void StatusListenerFailed(ILogger logger, Exception exception);

    [LoggerMessage(1359, LogLevel.Debug, "Trigger of {Job} refused: {Reason}")]
    public static partial void TriggerRefused(ILogger logger, string job, string reason);
}
