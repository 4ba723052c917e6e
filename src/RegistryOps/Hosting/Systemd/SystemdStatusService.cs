using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace RegistryOps.Hosting.Systemd;

/// <summary>Sends STATUS= to systemd whenever the daemon's status line changes, so that
/// <c>systemctl status registryops</c> shows what it is doing and what runs next.</summary>
internal sealed class SystemdStatusService(
    IDaemonStatus status,
    ISystemdNotifier notifier,
    IHostApplicationLifetime lifetime,
    ILogger<SystemdStatusService> logger) : IHostedService
{
    private readonly Lock _gate = new();
    private string? _lastSent;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!notifier.IsEnabled)
        {
            return Task.CompletedTask;
        }

        status.Changed += OnChanged;
        lifetime.ApplicationStarted.Register(() => Publish(null));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        status.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    private void OnChanged(string text) => Publish(text);

    private void Publish(string? text)
    {
        try
        {
            text ??= status.Describe();
            lock (_gate)
            {
                // The first line (at start) and a change may cross; send only news.
                if (text == _lastSent)
                {
                    return;
                }

                _lastSent = text;
                notifier.TryNotify(SystemdMessages.Status(text), logger);
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Raised from the scheduler's thread: a status line must never disturb it.
            HostLog.StatusFailed(logger, exception);
        }
    }
}
