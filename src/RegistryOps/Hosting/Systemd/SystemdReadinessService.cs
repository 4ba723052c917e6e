using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace RegistryOps.Hosting.Systemd;

/// <summary>
/// Sends READY=1 once every hosted service has started and STOPPING=1 when the stop begins.
/// <see cref="SystemdLifetime"/> does the same, but only when the parent process is systemd;
/// this covers every other case where NOTIFY_SOCKET is set (a supervisor, a test harness), and
/// stays quiet when SystemdLifetime is in charge so that nothing is sent twice.
/// </summary>
internal sealed class SystemdReadinessService(
    ISystemdNotifier notifier,
    IHostApplicationLifetime applicationLifetime,
    IHostLifetime hostLifetime,
    ILogger<SystemdReadinessService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!notifier.IsEnabled || hostLifetime is SystemdLifetime)
        {
            return Task.CompletedTask;
        }

        applicationLifetime.ApplicationStarted.Register(
            () => notifier.TryNotify(SystemdMessages.Ready, logger));
        applicationLifetime.ApplicationStopping.Register(
            () => notifier.TryNotify(SystemdMessages.Stopping, logger));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
