namespace RegistryOps.Core.Notifications;

/// <summary>ntfy's five levels; other channels map them onto their own.</summary>
public enum NotificationPriority
{
    Min = 1,
    Low = 2,
    Default = 3,
    High = 4,
    Urgent = 5,
}
