namespace RegistryOps.Core.Notifications;

/// <summary>The notifier used when no channel is wired up: notifications go nowhere.</summary>
internal sealed class NullNotifier : INotifier
{
    public Task NotifyAsync(Notification notification, CancellationToken cancellationToken) => Task.CompletedTask;
}
