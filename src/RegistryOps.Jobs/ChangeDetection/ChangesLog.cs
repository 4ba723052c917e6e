using Microsoft.Extensions.Logging;

namespace RegistryOps.Jobs.ChangeDetection;

/// <summary>Log events of the changes job (EventIds 1400-1499). The runner logs each run's
/// outcome and summary; these add the detail behind it.</summary>
internal static partial class ChangesLog
{
    [LoggerMessage(EventId = 1401, Level = LogLevel.Debug,
        Message = "Snapshot of {Registry}: {Repositories} repositories, {Tags} tags, {Requests} requests in {Elapsed}")]
    public static partial void SnapshotTaken(ILogger logger, string registry, int repositories, int tags,
        long requests, TimeSpan elapsed);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning,
        Message = "Listing {Registry} failed at {Step}: {Reason}; the stored snapshot is kept")]
    public static partial void SnapshotFailed(
        ILogger logger,
        Exception? exception,
        string registry,
        string step,
        string reason);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning,
        Message = "The stored snapshot of the changes job cannot be read ({Reason}); starting afresh")]
    public static partial void StoredSnapshotUnreadable(ILogger logger, string reason);
}
