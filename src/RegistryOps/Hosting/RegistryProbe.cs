using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Distribution;
using RegistryOps.Core.Telemetry;

namespace RegistryOps.Hosting;

/// <summary>
/// Asks the registry's <c>/v2/</c> every <see cref="Interval"/> and keeps
/// <c>registryops_registry_up</c> current, so an alert fires when the registry is down even
/// between job runs. Only the change between up and down is logged, once.
/// </summary>
internal sealed class RegistryProbe(
    IConfigProvider config,
    RegistryClientFactory clients,
    RegistryOpsMetrics metrics,
    TimeProvider time,
    ILogger<RegistryProbe> logger) : BackgroundService
{
    /// <summary>Often enough for a scrape interval of 15–60 s to see a change within a minute;
    /// one GET of /v2/ is negligible load.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    private bool? _lastUp;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            await ProbeOnceAsync(stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    internal async Task ProbeOnceAsync(CancellationToken stoppingToken)
    {
        // The endpoint is built from the current snapshot each time, so a reload that moves the
        // registry is probed at its new address from the next tick on.
        var registry = config.Current.Registry;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            using var client = clients.Create(RegistryEndpoint.FromConfig(registry));
            await client.PingAsync(timeout.Token);
            Report(up: true, registry.Url, reason: null);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: not a verdict on the registry.
        }
        catch (Exception ex) when (ex is RegistryException or OperationCanceledException or HttpRequestException)
        {
            var reason = ex is OperationCanceledException
                ? $"no answer within {ProbeTimeout.TotalSeconds:0}s"
                : ex.Message;
            Report(up: false, registry.Url, reason);
        }
    }

    private void Report(bool up, string url, string? reason)
    {
        metrics.SetRegistryUp(up);
        if (_lastUp == up)
        {
            return;
        }

        if (up)
        {
            HostLog.RegistryUp(logger, url);
        }
        else
        {
            HostLog.RegistryDown(logger, url, reason ?? "");
        }

        _lastUp = up;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
