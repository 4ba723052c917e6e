using Microsoft.Extensions.Logging;

namespace RegistryOps.Core.Scheduling;

/// <summary>Log events of the job runner (event ids 1300-1349).</summary>
internal static partial class RunnerLog
{
    /// <summary>The one line per finished run; its level follows the outcome.</summary>
    [LoggerMessage(EventId = 1300, Message = "{Job} {Outcome} in {Duration}: {Summary}")]
    public static partial void Finished(ILogger logger, LogLevel level, Exception? exception,
        string job, string outcome, string duration, string summary);

    [LoggerMessage(1301, LogLevel.Information, "{Job} not started: it is already running ({Other})")]
    public static partial void AlreadyRunning(ILogger logger, string job, string other);

    [LoggerMessage(1302, LogLevel.Debug, "{Job} started ({Trigger}, dry run {DryRun})")]
    public static partial void Started(ILogger logger, string job, string trigger, bool dryRun);

    [LoggerMessage(1303, LogLevel.Error, "Run history could not record {Step} of run {RunId}")]
    public static partial void HistoryFailed(ILogger logger, Exception exception, string step, string runId);

    [LoggerMessage(1305, LogLevel.Warning,
        "{Job} runs without its cross-process guard: lock file {Path} cannot be used")]
    public static partial void JobLockUnavailable(
        ILogger logger,
        Exception exception,
        string job,
        string path);

    [LoggerMessage(1304, LogLevel.Warning, "Notification from {Job} could not be handed over")]
    public static partial void NotifyFailed(ILogger logger, Exception exception, string job);
}
