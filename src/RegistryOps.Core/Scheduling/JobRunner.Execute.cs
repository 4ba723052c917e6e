using RegistryOps.Core.Configuration;
using RegistryOps.Core.Coordination;
using RegistryOps.Core.Jobs;
using RegistryOps.Core.Notifications;

namespace RegistryOps.Core.Scheduling;

public sealed partial class JobRunner
{
    /// <summary>Takes the lock and runs the job; never throws. The exception is returned only for
    /// failures, so the closing log line carries it exactly once.</summary>
    private async Task<(JobResult Result, Exception? Exception)> ExecuteAsync(IJob job, JobContext context,
        JobScheduleConfig schedule, CancellationToken cancellationToken)
    {
        IAsyncDisposable lease;
        try
        {
            lease = await locks.AcquireAsync(job.Access, job.Name, schedule.LockTimeout, cancellationToken);
        }
        catch (LockTimeoutException e)
        {
            return (JobResult.Skipped(
                $"registry lock not available within {DurationText.Format(schedule.LockTimeout)}; held by {e.HeldBy}"),
                null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (new JobResult(JobOutcome.Cancelled, "cancelled at shutdown while waiting for the registry lock"),
                null);
        }

        await using (lease)
        {
            using var timeout = new CancellationTokenSource(schedule.Timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                var result = await job.RunAsync(context, linked.Token);
                return (result ?? JobResult.Failed("the job returned no result"), null);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return (new JobResult(JobOutcome.Cancelled, "cancelled at shutdown"), null);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                return (new JobResult(JobOutcome.Cancelled,
                    $"timed out after {DurationText.Format(schedule.Timeout)}"), null);
            }
            catch (Exception e)
            {
                return (JobResult.Failed(e.Message), e);
            }
        }
    }

    /// <summary>Sends the job's notification, or one of our own when the job threw (it had no
    /// chance to say anything). A notification never changes the outcome.</summary>
    private async Task NotifyAsync(IJob job, RegistryOpsConfig config, JobResult result, Exception? exception)
    {
        var notification = result.Notification;
        if (notification is null && exception is not null)
        {
            notification = new Notification($"{job.Name} failed on {config.DisplayHostname}",
                result.Summary, NotificationPriority.High, ["warning"]);
        }

        if (notification is null)
        {
            return;
        }

        try
        {
            using var budget = new CancellationTokenSource(NotifyBudget, time);
            await notifier.NotifyAsync(notification with { Job = job.Name }, budget.Token);
        }
        catch (Exception e)
        {
            RunnerLog.NotifyFailed(logger, e, job.Name);
        }
    }
}
