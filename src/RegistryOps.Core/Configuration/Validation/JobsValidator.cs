using System.Reflection;
using RegistryOps.Core.Configuration.Yaml;

namespace RegistryOps.Core.Configuration.Validation;

/// <summary>The <c>jobs</c> section: the scheduling keys every job shares, then each job's own.</summary>
internal static class JobsValidator
{
    public static void Validate(JobsConfig jobs, ValidationContext context)
    {
        // Every job section is checked for the shared keys, so a job added later is covered.
        foreach (var property in typeof(JobsConfig).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetValue(jobs) is JobScheduleConfig job)
            {
                ValidateSchedule(job, $"jobs.{YamlNames.ToSnakeCase(property.Name)}", context);
            }
        }

        if (jobs.Changes.Parallelism <= 0)
        {
            context.Error("jobs.changes.parallelism", $"must be at least 1, found {jobs.Changes.Parallelism}");
        }

        ValidateSync(jobs.Sync, context);
    }

    private static void ValidateSchedule(JobScheduleConfig job, string path, ValidationContext context)
    {
        if (job.Timeout <= TimeSpan.Zero)
        {
            context.Error($"{path}.timeout", "must be longer than 0");
        }

        if (job.LockTimeout < TimeSpan.Zero)
        {
            context.Error($"{path}.lock_timeout", "must not be negative");
        }

        if (job.Schedule is null && job.Missed != MissedRunPolicy.Skip)
        {
            context.Warning($"{path}.missed", "has no effect without a schedule");
        }
    }

    private static void ValidateSync(SyncJobConfig sync, ValidationContext context)
    {
        if (string.IsNullOrWhiteSpace(sync.Files))
        {
            context.Error("jobs.sync.files", "expected a path or glob of regsync files, found an empty string");
        }

        if (sync.HubAbortBelow < 0)
        {
            context.Error("jobs.sync.hub_abort_below", $"must not be negative, found {sync.HubAbortBelow}");
        }

        if (sync.HubAbortBelow >= sync.HubWarnBelow)
        {
            context.Error("jobs.sync.hub_abort_below", $"must be below jobs.sync.hub_warn_below "
                + $"({sync.HubAbortBelow} is not below {sync.HubWarnBelow})");
        }

        if (sync.RetryBudget < TimeSpan.Zero)
        {
            context.Error("jobs.sync.retry_budget", "must not be negative");
        }
    }
}
