using RegistryOps.Core.Notifications;

namespace RegistryOps.Core.Jobs;

/// <summary>What a job returns: an outcome, a one-line summary for history and logs, and an
/// optional notification for people (null when there is nothing worth telling).</summary>
public sealed record JobResult(JobOutcome Outcome, string Summary, Notification? Notification = null)
{
    public static JobResult Succeeded(string summary, Notification? notification = null) =>
        new(JobOutcome.Succeeded, summary, notification);

    public static JobResult Failed(string summary, Notification? notification = null) =>
        new(JobOutcome.Failed, summary, notification);

    public static JobResult Skipped(string summary) => new(JobOutcome.Skipped, summary);
}
