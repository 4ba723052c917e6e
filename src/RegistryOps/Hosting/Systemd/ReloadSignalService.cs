using System.Runtime.InteropServices;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using RegistryOps.Core.Configuration;

namespace RegistryOps.Hosting.Systemd;

/// <summary>
/// SIGHUP (what <c>systemctl reload</c> sends, see the unit's ExecReload=) re-reads the config.
/// The signal handler only queues a request; the reload runs on this service's loop, one at a
/// time, and a burst of signals during a reload collapses into one more reload.
/// </summary>
internal sealed class ReloadSignalService(
    IConfigProvider configProvider,
    ISystemdNotifier notifier,
    IReloadObserver observer,
    ILogger<ReloadSignalService> logger) : BackgroundService
{
    private readonly Channel<PosixSignal> _requests = Channel.CreateBounded<PosixSignal>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private PosixSignalRegistration? _registration;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _registration = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _registration?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in _requests.Reader.ReadAllAsync(stoppingToken))
            {
                Reload();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: no more reloads.
        }
    }

    /// <summary>
    /// One reload: RELOADING=1 with the monotonic time, validate and swap, log and count the
    /// result, READY=1. A rejected file leaves the running config and the daemon as they were.
    /// </summary>
    internal bool Reload()
    {
        var path = configProvider.Current.SourcePath;
        notifier.TryNotify(SystemdMessages.Reloading(MonotonicClock.NowMicroseconds()), logger);
        HostLog.ReloadRequested(logger, path);

        var accepted = false;
        try
        {
            accepted = Report(path, configProvider.Reload());
        }
        catch (Exception exception)
        {
            HostLog.ReloadFailed(logger, path, exception);
        }

        observer.Reloaded(accepted);
        notifier.TryNotify(SystemdMessages.Ready, logger);
        return accepted;
    }

    private bool Report(string path, IReadOnlyList<ConfigProblem> problems)
    {
        var errors = 0;
        foreach (var problem in problems)
        {
            if (problem.IsWarning)
            {
                HostLog.ReloadWarning(logger, problem.ToString());
                continue;
            }

            errors++;
            HostLog.ReloadProblem(logger, problem.ToString());
        }

        if (errors > 0)
        {
            HostLog.ReloadRejected(logger, path, errors);
            return false;
        }

        HostLog.Reloaded(logger, configProvider.Current.SourcePath);
        return true;
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Handled here: the runtime's default for SIGHUP would end the process.
        context.Cancel = true;
        _requests.Writer.TryWrite(context.Signal);
    }
}
