using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using RegistryOps.ControlSocket;
using RegistryOps.Core;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Notifications.Ntfy;
using RegistryOps.Hosting.SelfTest;
using RegistryOps.Hosting.Systemd;
using RegistryOps.Jobs.ChangeDetection;
using RegistryOps.Jobs.Sync;
using Serilog;

namespace RegistryOps.Hosting;

internal static class DaemonServices
{
    /// <summary>Cancelled jobs get this long at SIGTERM to restore what they changed (the unit's
    /// TimeoutStopSec= leaves systemd a margin above it).</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(45);

    /// <summary>Everything the daemon runs: logging, config, the runtime (store, locks, runner,
    /// scheduler, metrics), the systemd side (READY/STOPPING, STATUS, watchdog, SIGHUP) and the
    /// control socket.</summary>
    public static IHostApplicationBuilder AddRegistryOpsDaemon(
        this IHostApplicationBuilder builder,
        ConfigProvider config,
        Serilog.ILogger logger)
    {
        builder.AddRegistryOpsCommon(config, logger);

        var services = builder.Services;
        services.AddSystemd();
        services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>();
        services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);

        services.TryAddSingleton<IReloadObserver, MetricsReloadObserver>();
        services.TryAddSingleton<IDaemonStatus, SchedulerDaemonStatus>();
        services.AddHostedService<SystemdReadinessService>();
        services.AddHostedService<SystemdStatusService>();
        services.AddHostedService<SystemdWatchdogService>();
        services.AddHostedService<ReloadSignalService>();
        services.AddHostedService<RegistryProbe>();

        // The control socket for `registryops status | trigger | history`.
        services.TryAddSingleton<IStatusReporter, SchedulerStatusReporter>();
        services.TryAddSingleton<ControlRequestHandler>();
        services.AddHostedService<ControlSocketServer>();
        return builder;
    }

    /// <summary>What <c>run</c> and <c>once</c> share: logging, config, the runtime (clock,
    /// metrics, state store, lock manager, runner, scheduler), the ntfy notifier, the jobs, and
    /// the hidden self-test jobs when asked for. New jobs register here.</summary>
    public static IHostApplicationBuilder AddRegistryOpsCommon(
        this IHostApplicationBuilder builder,
        ConfigProvider config,
        Serilog.ILogger logger)
    {
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(logger, dispose: false);

        var services = builder.Services;
        services.AddSingleton(config);
        services.AddSingleton<IConfigProvider>(config);
        services.TryAddSingleton(TimeProvider.System);
        services.AddRegistryOpsRuntime();
        services.AddRegistryOpsNotifications();
        services.AddRegistryOpsChanges();
        services.AddRegistryOpsSync();
        services.AddSelfTestJobsWhenAsked();
        return builder;
    }
}
