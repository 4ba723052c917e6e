using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Coordination;
using RegistryOps.Core.Jobs;
using RegistryOps.Core.Notifications;
using RegistryOps.Core.State;
using RegistryOps.Core.Telemetry;

namespace RegistryOps.Core.Scheduling;

/// <summary>
/// Runs one job once with everything around it, so no job repeats it: the never-twice check, run
/// history, the registry lock, the log scope (Job, RunId, Trigger), the timeout, the mapping of
/// exceptions to outcomes, metrics, the notification and one closing log line.
/// </summary>
public sealed partial class JobRunner(
    IStateStore store,
    IRegistryLockManager locks,
    RegistryOpsMetrics metrics,
    INotifier notifier,
    IConfigProvider configProvider,
    TimeProvider time,
    ILogger<JobRunner> logger) : IJobRunner
{
    // How long a finished run may spend handing its notification over; shutdown does not cut it.
    private static readonly TimeSpan NotifyBudget = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, string> _running = new(StringComparer.Ordinal);

    public bool IsRunning(string job) => _running.ContainsKey(job);

    public string? CurrentRunId(string job) => _running.GetValueOrDefault(job);

    public async Task<RunReport> RunAsync(IJob job, JobTrigger trigger, bool dryRun,
        CancellationToken cancellationToken)
    {
        var runId = RunIds.New(time);
        if (!_running.TryAdd(job.Name, runId))
        {
            var other = _running.GetValueOrDefault(job.Name) ?? "?";
            RunnerLog.AlreadyRunning(logger, job.Name, $"run {other}");
            return NotStarted(job, runId, $"run {other}");
        }

        LockFile? jobLock = null;
        try
        {
            jobLock = TakeJobLock(job.Name, runId, out var elsewhere);
            if (elsewhere is not null)
            {
                RunnerLog.AlreadyRunning(logger, job.Name, elsewhere);
                return NotStarted(job, runId, elsewhere);
            }

            using var scope = logger.BeginScope(new Dictionary<string, object>
            {
                ["Job"] = job.Name,
                ["RunId"] = runId,
                ["Trigger"] = Name(trigger),
            });
            metrics.SetRunning(job.Name, true);
            return await RunOwnedAsync(job, runId, trigger, dryRun, cancellationToken);
        }
        finally
        {
            metrics.SetRunning(job.Name, false);
            jobLock?.Dispose();
            _running.TryRemove(job.Name, out _);
        }
    }

    private RunReport NotStarted(IJob job, string runId, string other)
    {
        metrics.RecordRun(job.Name, JobOutcome.Skipped, TimeSpan.Zero);
        return new RunReport(runId, job.Name, JobOutcome.Skipped,
            $"not started: {job.Name} is already running ({other})", TimeSpan.Zero);
    }

    /// <summary>
    /// The job's own lock file, <c>job-NAME.lock</c> in the runtime directory, keeps another process
    /// (a one-shot command next to the daemon) from running the same job at the same time. Sets
    /// <paramref name="elsewhere"/> to the other holder when the job runs there. A lock file that
    /// cannot be made at all (no runtime directory, no permission) does not stop the run: that is
    /// logged and the run goes on without the cross-process guard.
    /// </summary>
    private LockFile? TakeJobLock(string job, string runId, out string? elsewhere)
    {
        elsewhere = null;
        var path = "";
        try
        {
            var directory = configProvider.Current.Paths.Runtime;
            PrivateDirectory.Create(directory);
            path = Path.Combine(directory, $"job-{job}.lock");

            var owner = $"pid {Environment.ProcessId} (run {runId})";
            var taken = LockFile.TryExclusive(path, owner);
            if (taken is null)
            {
                elsewhere = LockFile.ReadOwner(path, "another process");
            }

            return taken;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RunnerLog.JobLockUnavailable(logger, e, job, path);
            return null;
        }
    }

    private async Task<RunReport> RunOwnedAsync(IJob job, string runId, JobTrigger trigger, bool dryRun,
        CancellationToken cancellationToken)
    {
        // The snapshot taken here is the one the whole run sees, whatever reloads happen meanwhile.
        var config = configProvider.Current;
        var schedule = job.GetSchedule(config);
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        RunnerLog.Started(logger, job.Name, Name(trigger), dryRun);

        var recorded = await TryRecordAsync("the start", runId,
            () => store.BeginRunAsync(runId, job.Name, trigger, startedAt, CancellationToken.None));

        var context = new JobContext(runId, trigger, config, dryRun);
        var (result, exception) = recorded
            ? await ExecuteAsync(job, context, schedule, cancellationToken)
            : (JobResult.Failed("run history is not writable; the job was not started"), null);
        var duration = time.GetElapsedTime(started);

        if (recorded)
        {
            await TryRecordAsync("the end", runId, () => store.CompleteRunAsync(
                runId, result.Outcome, result.Summary, time.GetUtcNow(), CancellationToken.None));
        }

        metrics.RecordRun(job.Name, result.Outcome, duration);
        if (result.Outcome == JobOutcome.Succeeded)
        {
            metrics.SetLastSuccess(job.Name, startedAt);
        }

        await NotifyAsync(job, config, result, exception);
        RunnerLog.Finished(logger, LevelOf(result.Outcome), ExpectedFailure.ForLog(exception), job.Name,
            Name(result.Outcome), DurationText.Format(duration), result.Summary);
        return new RunReport(runId, job.Name, result.Outcome, result.Summary, duration);
    }

    private async Task<bool> TryRecordAsync(string step, string runId, Func<Task> write)
    {
        try
        {
            await write();
            return true;
        }
        catch (Exception e)
        {
            RunnerLog.HistoryFailed(logger, e, step, runId);
            return false;
        }
    }

    private static LogLevel LevelOf(JobOutcome outcome) => outcome switch
    {
        JobOutcome.Failed => LogLevel.Error,
        JobOutcome.Partial or JobOutcome.Cancelled or JobOutcome.Abandoned => LogLevel.Warning,
        _ => LogLevel.Information,
    };

    private static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
