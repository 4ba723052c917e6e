namespace RegistryOps.Core.Notifications;

/// <summary>A message for people. <see cref="Body"/> is Markdown, short enough for a phone.</summary>
public sealed record Notification(
    string Title,
    string Body,
    NotificationPriority Priority = NotificationPriority.Default,
    IReadOnlyList<string>? Tags = null)
{
    /// <summary>Set by the runner: the job that produced it.</summary>
    public string? Job { get; init; }
}
