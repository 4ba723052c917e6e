using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Coordination;
using RegistryOps.Core.Notifications;
using RegistryOps.Core.Scheduling;
using RegistryOps.Core.State;
using RegistryOps.Core.Telemetry;

namespace RegistryOps.Core;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the runtime: clock, metrics, state store (paths.state), registry lock manager
    /// (paths.runtime), job runner, and the scheduler as hosted service and <see cref="IJobTrigger"/>.
    /// Needs an <see cref="IConfigProvider"/>; the state and runtime paths are read once, at first
    /// use, so changing them needs a restart. Without an <see cref="INotifier"/> notifications are
    /// dropped. For a one-shot command resolve <see cref="IJobRunner"/> and leave the host unstarted.
    /// </summary>
    public static IServiceCollection AddRegistryOpsRuntime(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<RegistryOpsMetrics>();
        services.TryAddSingleton<INotifier, NullNotifier>();

        services.TryAddSingleton<IStateStore>(sp => new SqliteStateStore(
            sp.GetRequiredService<IConfigProvider>().Current.Paths.State,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<SqliteStateStore>>()));

        services.TryAddSingleton<IRegistryLockManager>(sp => new RegistryLockManager(
            sp.GetRequiredService<IConfigProvider>().Current.Paths.Runtime,
            sp.GetRequiredService<RegistryOpsMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<RegistryLockManager>>()));

        services.TryAddSingleton<JobRunner>();
        services.TryAddSingleton<IJobRunner>(sp => sp.GetRequiredService<JobRunner>());
        services.TryAddSingleton<JobScheduler>();
        services.TryAddSingleton<IJobTrigger>(sp => sp.GetRequiredService<JobScheduler>());
        services.AddHostedService(sp => sp.GetRequiredService<JobScheduler>());
        return services;
    }
}
