using Microsoft.Extensions.Logging;

namespace RegistryOps.Jobs.Sync;

/// <summary>The sync job's log events (ids 4000-4099).</summary>
internal static partial class SyncLog
{
    [LoggerMessage(4001, LogLevel.Debug, "Synced {Source} to {Target} ({Digest}, {Bytes} bytes uploaded)")]
    public static partial void ImageSynced(
        ILogger logger,
        string source,
        string target,
        string? digest,
        long bytes);

    [LoggerMessage(4002, LogLevel.Warning, "Sync of {Source} to {Target} failed: {Reason}")]
    public static partial void ImageFailed(ILogger logger, string source, string target, string reason);

    [LoggerMessage(4003, LogLevel.Warning, "Sync entry {Entry} failed: {Reason}")]
    public static partial void EntryFailed(ILogger logger, string entry, string reason);

    [LoggerMessage(4004, LogLevel.Warning, "Docker Hub pull budget low: {Remaining} of {Limit} remaining")]
    public static partial void HubBudgetLow(ILogger logger, int? remaining, int? limit);

    [LoggerMessage(4005, LogLevel.Error, "Docker Hub pull budget exhausted: {Remaining} remaining, run stopped")]
    public static partial void HubBudgetExhausted(ILogger logger, int? remaining);

    [LoggerMessage(4006, LogLevel.Warning, "Regsync file problem: {Problem}")]
    public static partial void ConfigWarning(ILogger logger, string problem);

    [LoggerMessage(4008, LogLevel.Information,
        "Sync entry {Entry} deferred: {Remaining} pulls left, ratelimit.min is {Minimum}")]
    public static partial void EntryDeferred(ILogger logger, string entry, int? remaining, int minimum);

    [LoggerMessage(4007, LogLevel.Debug, "Sync entry {Entry} not due until {Due}")]
    public static partial void EntryNotDue(ILogger logger, string entry, DateTimeOffset due);
}
