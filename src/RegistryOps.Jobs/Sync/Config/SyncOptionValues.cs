using Cronos;

namespace RegistryOps.Jobs.Sync.Config;

/// <summary>The overridable settings as written in <c>defaults</c> or one entry (null: not set).</summary>
internal sealed class SyncOptionValues
{
    public int? Parallel { get; set; }

    public string? Backup { get; set; }

    public TimeSpan? Interval { get; set; }

    public CronExpression? Schedule { get; set; }

    public string? ScheduleText { get; set; }

    public int? RateLimitMin { get; set; }

    public TimeSpan? RateLimitRetry { get; set; }

    public List<string>? MediaTypes { get; set; }

    public string? Platform { get; set; }

    public List<string>? Platforms { get; set; }

    public bool? DigestTags { get; set; }

    public bool? FastCheck { get; set; }

    public bool? ForceRecursive { get; set; }
}
