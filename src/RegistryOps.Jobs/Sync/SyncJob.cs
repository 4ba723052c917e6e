using System.Text.Json;
using Microsoft.Extensions.Logging;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Jobs;
using RegistryOps.Core.State;

namespace RegistryOps.Jobs.Sync;

/// <summary>
/// The <c>sync</c> job: reads the regsync files, skips entries whose own interval or schedule
/// is not due, checks the Docker Hub pull budget, then checks and copies each entry. A dry run
/// only checks. The runner handles the job's cron, minimum interval, lock and notification.
/// </summary>
internal sealed class SyncJob(
    ISyncPlanSource plans,
    ISyncRegistryFactory registries,
    IStateStore state,
    SyncMetrics metrics,
    TimeProvider time,
    ILogger<SyncJob> logger) : IJob
{
    public const string JobName = "sync";
    private const string LastSyncKey = "entry-last-sync";

    public string Name => JobName;

    public RegistryAccess Access => RegistryAccess.Shared;

    public JobScheduleConfig GetSchedule(RegistryOpsConfig config) => config.Jobs.Sync;

    public async Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var config = context.Config.Jobs.Sync;
        SyncPlan plan;
        try
        {
            plan = await plans.LoadAsync(config, cancellationToken);
        }
        catch (SyncPlanException ex)
        {
            return JobResult.Failed($"regsync files unusable: {ex.Message}");
        }

        foreach (var problem in plan.Warnings.Concat(plan.Errors))
        {
            SyncLog.ConfigWarning(logger, problem);
        }

        var lastSync = await LoadLastSyncAsync(cancellationToken);
        var now = time.GetUtcNow();
        var honourEntrySchedules = context.Trigger is not (JobTrigger.Manual or JobTrigger.Once);
        var zone = context.Config.TimeZone;
        var due = plan.Entries
            .Where(e => !honourEntrySchedules
                || EntrySchedule.IsDue(e, lastSync.TryGetValue(e.Key, out var t) ? t : null, now, zone))
            .ToList();
        if (due.Count == 0)
        {
            return JobResult.Skipped($"none of {plan.Entries.Count} entries is due");
        }

        using var session = registries.Open(plan.Registries, config);
        var budget = await DockerHubBudget.ProbeAsync(due, session, config.HubWarnBelow, config.HubAbortBelow,
            cancellationToken);
        metrics.RecordHubRemaining(budget.Limit?.Remaining);
        if (budget.Level == HubBudgetLevel.Exhausted)
        {
            SyncLog.HubBudgetExhausted(logger, budget.Limit?.Remaining);
            return JobResult.Failed(budget.Describe() + "; run stopped before pulling",
                SyncSummary.BudgetExhausted(context.Config.DisplayHostname, budget));
        }

        if (budget.Level == HubBudgetLevel.Low)
        {
            SyncLog.HubBudgetLow(logger, budget.Limit?.Remaining, budget.Limit?.Limit);
        }

        var engine = new SyncEngine(session, logger);
        var reports = await engine.RunAsync(due, context.DryRun, cancellationToken);

        Record(reports);
        if (!context.DryRun)
        {
            foreach (var report in reports.Where(r => !r.Failed && !r.Deferred))
            {
                lastSync[report.Entry.Key] = now;
            }

            await state.SetJobStateAsync(JobName, LastSyncKey, JsonSerializer.Serialize(lastSync), cancellationToken);
        }

        var result = SyncSummary.Build(reports, budget, context.Config.DisplayHostname, context.DryRun);
        if (plan.Errors.Count == 0)
        {
            return result;
        }

        // A regsync file with errors ran none of its entries: the run is at best partial.
        var outcome = result.Outcome == JobOutcome.Succeeded ? JobOutcome.Partial : result.Outcome;
        return result with
        {
            Outcome = outcome,
            Summary = $"{result.Summary}; {plan.Errors.Count} regsync file errors: {plan.Errors[0]}",
        };
    }

    private void Record(IReadOnlyList<EntryReport> reports)
    {
        foreach (var outcome in Enum.GetValues<ImageOutcome>())
        {
            metrics.RecordImages(outcome, reports.Sum(r => r.Count(outcome)));
        }

        metrics.RecordBytes(reports.Sum(r => r.Bytes));
    }

    private async Task<Dictionary<string, DateTimeOffset>> LoadLastSyncAsync(CancellationToken cancellationToken)
    {
        var json = await state.GetJobStateAsync(JobName, LastSyncKey, cancellationToken);
        if (json is null)
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, DateTimeOffset>>(json) ?? [];
        }
        catch (JsonException)
        {
            // A damaged value only means every entry is due once more.
            return [];
        }
    }
}
