namespace RegistryOps.Core.Notifications;

/// <summary>Sends a notification to every configured channel. Never throws for a delivery
/// failure: failures are logged and counted, because a notification must never fail a job.</summary>
public interface INotifier
{
    Task NotifyAsync(Notification notification, CancellationToken cancellationToken);
}
