using System.Text;
using RegistryOps.Core.Jobs;
using RegistryOps.Core.Notifications;

namespace RegistryOps.Jobs.Sync;

/// <summary>Turns a run's entry reports into the outcome, the one-line summary and a notification
/// short enough for a phone ("synced 3 of 120: …").</summary>
internal static class SyncSummary
{
    private const int MaxNamed = 10;

    public static JobResult Build(
        IReadOnlyList<EntryReport> reports,
        HubBudgetCheck budget,
        string host,
        bool dryRun)
    {
        var images = reports.SelectMany(r => r.Images).ToList();
        var synced = images.Where(i => i.Outcome is ImageOutcome.Synced or ImageOutcome.Stale).ToList();
        var failedImages = images.Where(i => i.Outcome == ImageOutcome.Failed).ToList();
        var failedEntries = reports.Where(r => r.Error is not null).ToList();
        var bytes = reports.Sum(r => r.Bytes);
        var verb = dryRun ? "stale" : "synced";

        var summary = Describe(images, verb, synced.Count, failedImages.Count, failedEntries.Count, bytes, dryRun);
        if (budget.Level is not HubBudgetLevel.NotUsed)
        {
            summary += "; " + budget.Describe();
        }

        var outcome = failedImages.Count + failedEntries.Count == 0 ? JobOutcome.Succeeded
            : reports.All(r => r.Failed) ? JobOutcome.Failed
            : JobOutcome.Partial;

        var worth = synced.Count > 0 || failedImages.Count > 0 || failedEntries.Count > 0
            || budget.Level == HubBudgetLevel.Low;
        var notification = worth ? Notify(host, summary, synced, failedImages, failedEntries, budget, outcome) : null;
        return new JobResult(outcome, summary, notification);
    }

    /// <summary>"synced 2 of 40 images, 37 up to date, 1 failed, 1 entry failed, 12.5 MiB": every
    /// image is counted once, and entries that failed before their images were known are apart.</summary>
    private static string Describe(
        IReadOnlyList<ImageResult> images,
        string verb,
        int synced,
        int failedImages,
        int failedEntries,
        long bytes,
        bool dryRun)
    {
        var parts = new List<string> { $"{verb} {synced} of {images.Count} images" };
        AddCount(parts, images.Count(i => i.Outcome == ImageOutcome.Unchanged), "up to date");
        AddCount(parts, images.Count(i => i.Outcome == ImageOutcome.SourceMissing), "missing at the source");
        AddCount(parts, failedImages, "failed");
        AddCount(parts, images.Count(i => i.Outcome == ImageOutcome.Deferred), "deferred (source pull budget)");
        if (failedEntries > 0)
        {
            parts.Add(failedEntries == 1 ? "1 entry failed" : $"{failedEntries} entries failed");
        }

        if (!dryRun)
        {
            parts.Add(ByteSize.Format(bytes));
        }

        return string.Join(", ", parts);
    }

    private static void AddCount(List<string> parts, int count, string what)
    {
        if (count > 0)
        {
            parts.Add($"{count} {what}");
        }
    }

    private static Notification Notify(
        string host,
        string summary,
        IReadOnlyList<ImageResult> synced,
        IReadOnlyList<ImageResult> failed,
        IReadOnlyList<EntryReport> failedEntries,
        HubBudgetCheck budget,
        JobOutcome outcome)
    {
        var body = new StringBuilder(summary).Append('\n');
        AppendList(body, "Synced", synced.Select(i => $"{i.Target}"));
        AppendList(body, "Failed", failed.Select(i => $"{i.Target}: {i.Error}")
            .Concat(failedEntries.Select(r => $"{r.Entry}: {r.Error}")));
        if (budget.Level == HubBudgetLevel.Low)
        {
            body.Append("\n⚠ ").Append(budget.Describe()).Append('\n');
        }

        var priority = outcome == JobOutcome.Succeeded && budget.Level != HubBudgetLevel.Low
            ? NotificationPriority.Default
            : NotificationPriority.High;
        return new Notification($"sync on {host}: {summary.Split(';')[0]}", body.ToString().TrimEnd(),
            priority, outcome == JobOutcome.Succeeded ? ["arrows_counterclockwise"] : ["warning"]);
    }

    private static void AppendList(StringBuilder body, string heading, IEnumerable<string> lines)
    {
        var all = lines.ToList();
        if (all.Count == 0)
        {
            return;
        }

        body.Append('\n').Append(heading).Append(":\n");
        foreach (var line in all.Take(MaxNamed))
        {
            body.Append("- ").Append(line).Append('\n');
        }

        if (all.Count > MaxNamed)
        {
            body.Append($"- and {all.Count - MaxNamed} more\n");
        }
    }

    public static Notification BudgetExhausted(string host, HubBudgetCheck budget) =>
        new($"sync on {host}: stopped, Docker Hub pulls nearly used up",
            $"{budget.Describe()}. Nothing was pulled; the next run tries again.",
            NotificationPriority.High,
            ["warning"]);
}
