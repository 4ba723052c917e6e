using RegistryOps.Core.Notifications;

namespace RegistryOps.Hosting;

/// <summary>Stands in when no notification channel is registered: notifications are dropped.</summary>
internal sealed class NullNotifier : INotifier
{
    public Task NotifyAsync(Notification notification, CancellationToken cancellationToken) => Task.CompletedTask;
}
