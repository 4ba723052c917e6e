using RegistryOps.Core.Notifications;

namespace RegistryOps.Core.Configuration;

/// <summary>Notification channels. Each is off until configured.</summary>
public sealed class NotificationsConfig
{
    public NtfyConfig? Ntfy { get; init; }
}

/// <summary>An ntfy server and topic.</summary>
public sealed class NtfyConfig
{
    /// <summary>Server base URL, e.g. https://ntfy.sh.</summary>
    public string Url { get; init; } = "";

    public string Topic { get; init; } = "";

    /// <summary>Access token as a secret reference. Optional.</summary>
    public Secret? Token { get; init; }

    /// <summary>Only notifications at or above this priority are sent. Default: min (all).</summary>
    public NotificationPriority MinPriority { get; init; } = NotificationPriority.Min;
}
