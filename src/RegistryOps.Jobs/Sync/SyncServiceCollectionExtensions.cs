using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RegistryOps.Core.Distribution;
using RegistryOps.Core.Jobs;
using RegistryOps.Jobs.Sync.Config;

namespace RegistryOps.Jobs.Sync;

public static class SyncServiceCollectionExtensions
{
    /// <summary>Registers the <c>sync</c> job as an <see cref="IJob"/> with the regsync reader, the
    /// distribution client factory and the sync metrics. Needs an IStateStore
    /// (AddRegistryOpsRuntime).</summary>
    public static IServiceCollection AddRegistryOpsSync(this IServiceCollection services)
    {
        services.AddRegistryOpsDistribution();
        services.AddMetrics();
        services.TryAddSingleton(_ => new RegsyncConfigReader());
        services.TryAddSingleton<ISyncPlanSource, RegsyncPlanSource>();
        services.TryAddSingleton<ISyncRegistryFactory, ClientSyncRegistryFactory>();
        services.TryAddSingleton<SyncMetrics>();
        services.TryAddSingleton<SyncJob>();

        // Idempotent: calling this twice (or in any order with the runtime) registers one job.
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IJob, SyncJob>(sp => sp.GetRequiredService<SyncJob>()));
        return services;
    }
}
