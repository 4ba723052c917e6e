using System.Globalization;

namespace RegistryOps.Core.Scheduling;

/// <summary>What the scheduler is doing: the jobs it is running and the next run of each scheduled
/// job, earliest first. <see cref="Zone"/> is the configured time zone, for display.</summary>
public sealed record SchedulerStatus(
    IReadOnlyList<string> Running,
    IReadOnlyList<ScheduledRun> Next,
    TimeZoneInfo Zone,
    DateTimeOffset Now)
{
    /// <summary>One line for systemd's STATUS=, e.g. "idle; next: changes at 14:15" or
    /// "running: sync; next: changes, gc at 2026-03-29 02:30" (times in the configured zone).</summary>
    public string Describe()
    {
        var doing = Running.Count == 0 ? "idle" : "running: " + string.Join(", ", Running);
        if (Next.Count == 0)
        {
            return doing + "; nothing scheduled";
        }

        var first = Next[0].At;
        var names = Next.Where(n => n.At == first).Select(n => n.Job);
        return $"{doing}; next: {string.Join(", ", names)} at {FormatTime(first)}";
    }

    private string FormatTime(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone);
        var today = TimeZoneInfo.ConvertTime(Now, Zone).Date;
        var format = local.Date == today ? "HH:mm" : "yyyy-MM-dd HH:mm";
        return local.ToString(format, CultureInfo.InvariantCulture);
    }
}

/// <summary>The next scheduled run of a job.</summary>
public sealed record ScheduledRun(string Job, DateTimeOffset At);
