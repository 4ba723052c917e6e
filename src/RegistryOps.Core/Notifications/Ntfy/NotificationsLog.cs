using Microsoft.Extensions.Logging;

namespace RegistryOps.Core.Notifications.Ntfy;

/// <summary>Log events of notification channels (EventIds 1300-1399).</summary>
internal static partial class NotificationsLog
{
    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning,
        Message = "ntfy at {Server} refused the notification \"{Title}\": {Status} {Reason}")]
    public static partial void NtfyRefused(
        ILogger logger,
        string server,
        string title,
        int status,
        string? reason);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning,
        Message = "ntfy at {Server} could not be reached for the notification \"{Title}\": {Reason}")]
    public static partial void NtfyUnreachable(ILogger logger, string server, string title, string reason);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Debug,
        Message = "Notification \"{Title}\" at priority {Priority} is below ntfy's min_priority {MinPriority}")]
    public static partial void BelowMinPriority(ILogger logger, string title, NotificationPriority priority,
        NotificationPriority minPriority);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Debug,
        Message = "Notification \"{Title}\" sent to ntfy at {Server}")]
    public static partial void NtfySent(ILogger logger, string title, string server);
}
