using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace RegistryOps.Hosting.Systemd;

/// <summary>
/// Pings systemd's watchdog (WATCHDOG=1) at half of WATCHDOG_USEC. The pings come from the
/// thread pool's timer, so they prove the process is alive and scheduling work; a job that
/// hangs is bounded by its own timeout rather than by the watchdog.
/// </summary>
internal sealed class SystemdWatchdogService(
    ISystemdNotifier notifier,
    TimeProvider timeProvider,
    ILogger<SystemdWatchdogService> logger) : BackgroundService
{
    /// <summary>Null reads the environment; tests set it.</summary>
    internal TimeSpan? Interval { get; init; } = WatchdogSettings.FromEnvironment();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval is not { } interval || !notifier.IsEnabled)
        {
            return;
        }

        HostLog.WatchdogEnabled(logger, interval.TotalSeconds);
        notifier.TryNotify(SystemdMessages.Watchdog, logger);

        using var timer = new PeriodicTimer(interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                notifier.TryNotify(SystemdMessages.Watchdog, logger);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the watchdog ends with the service.
        }
    }
}
