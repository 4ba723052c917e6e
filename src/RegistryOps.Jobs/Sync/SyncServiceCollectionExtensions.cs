using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RegistryOps.Core.Distribution;
using RegistryOps.Core.Jobs;
using RegistryOps.Jobs.Sync.Config;

namespace RegistryOps.Jobs.Sync;

public static class SyncServiceCollectionExtensions
{
    /// <summary>Registers the <c>sync</c> job as an <see cref="IJob"/> with the regsync reader, the
    /// distribution client factory and the sync metrics. The host supplies IStateStore.</summary>
    public static IServiceCollection AddRegistryOpsSync(this IServiceCollection services)
    {
        services.AddRegistryOpsDistribution();
        services.AddMetrics();
        services.TryAddSingleton(_ => new RegsyncConfigReader());
        services.TryAddSingleton<ISyncPlanSource, RegsyncPlanSource>();
        services.TryAddSingleton<ISyncRegistryFactory, ClientSyncRegistryFactory>();
        services.TryAddSingleton<SyncMetrics>();
        services.AddSingleton<IJob, SyncJob>();
        return services;
    }
}
