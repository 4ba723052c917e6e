using Microsoft.Extensions.Logging;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Distribution;
using RegistryOps.Core.Jobs;
using RegistryOps.Core.State;

namespace RegistryOps.Jobs.ChangeDetection;

/// <summary>
/// The <c>changes</c> job: snapshots repositories, tags and digests, compares with the stored
/// snapshot, reports the difference and stores the new one. A listing that fails anywhere leaves
/// the stored snapshot as it was and reports nothing as removed: the run fails and says where.
/// </summary>
public sealed class ChangesJob(
    RegistryClientFactory clients,
    IStateStore state,
    ChangesMetrics metrics,
    TimeProvider time,
    ILogger<ChangesJob> logger) : IJob
{
    public const string JobName = "changes";
    public const string SnapshotKey = "snapshot";

    public string Name => JobName;

    public RegistryAccess Access => RegistryAccess.Shared;

    public JobScheduleConfig GetSchedule(RegistryOpsConfig config) => config.Jobs.Changes;

    public async Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var config = context.Config;
        var host = config.DisplayHostname;
        var endpoint = RegistryEndpoint.FromConfig(config.Registry);

        SnapshotResult taken;
        using (var client = clients.Create(endpoint))
        {
            try
            {
                var taker = new SnapshotTaker(client, config.Jobs.Changes.Parallelism, time);
                taken = await taker.TakeAsync(cancellationToken);
            }
            catch (SnapshotFailedException e)
            {
                var cause = e.InnerException ?? e;
                ChangesLog.SnapshotFailed(logger, ExpectedFailure.ForLog(cause), endpoint.Authority, e.Step,
                    cause.Message);
                var summary = $"listing {endpoint.Authority} failed: {e.Message}; stored snapshot kept";
                return JobResult.Failed(summary, ChangeReport.FailedNotification(host, summary));
            }
        }

        var current = taken.Snapshot;
        ChangesLog.SnapshotTaken(logger, endpoint.Authority, current.RepositoryCount, current.TagCount,
            taken.Requests, taken.Elapsed);
        metrics.RecordSnapshot(current);

        var previous = await ReadStoredAsync(cancellationToken);
        var prefix = context.DryRun ? "dry run, not stored: " : "";
        if (!context.DryRun)
        {
            await state.SetJobStateAsync(JobName, SnapshotKey, current.ToJson(), cancellationToken);
        }

        if (previous is null)
        {
            return JobResult.Succeeded(prefix + ChangeReport.Initialised(current),
                ChangeReport.InitialisedNotification(host, current));
        }

        var changes = SnapshotDiffer.Compare(previous, current);
        var line = prefix + ChangeReport.Summary(changes, current);
        if (changes.IsEmpty)
        {
            var unchanged = config.Jobs.Changes.NotifyUnchanged
                ? ChangeReport.UnchangedNotification(host, current)
                : null;
            return JobResult.Succeeded(line, unchanged);
        }

        metrics.RecordChanges(changes);
        return JobResult.Succeeded(line,
            ChangeReport.ChangesNotification(host, changes, current, taken.EmptyRepositories));
    }

    private async Task<RegistrySnapshot?> ReadStoredAsync(CancellationToken cancellationToken)
    {
        var json = await state.GetJobStateAsync(JobName, SnapshotKey, cancellationToken);
        if (json is null)
        {
            return null;
        }

        try
        {
            return RegistrySnapshot.FromJson(json);
        }
        catch (FormatException e)
        {
            ChangesLog.StoredSnapshotUnreadable(logger, e.Message);
            return null;
        }
    }
}
