using System.Collections.Concurrent;
using RegistryOps.Core.Notifications;

namespace RegistryOps.Tests.Scheduling;

internal sealed class RecordingNotifier : INotifier
{
    public ConcurrentQueue<Notification> Sent { get; } = new();

    public bool Throw { get; set; }

    public Task NotifyAsync(Notification notification, CancellationToken cancellationToken)
    {
        if (Throw)
        {
            throw new InvalidOperationException("channel down");
        }

        Sent.Enqueue(notification);
        return Task.CompletedTask;
    }
}
