using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RegistryOps.Core.Distribution;
using RegistryOps.Core.Jobs;

namespace RegistryOps.Jobs.ChangeDetection;

public static class ChangesServiceCollectionExtensions
{
    /// <summary>Registers the <c>changes</c> job as an <see cref="IJob"/> with what it needs
    /// (registry client factory, its metrics). Needs an IStateStore (AddRegistryOpsRuntime).</summary>
    public static IServiceCollection AddRegistryOpsChanges(this IServiceCollection services)
    {
        services.AddRegistryOpsDistribution();
        services.AddMetrics();
        services.TryAddSingleton<ChangesMetrics>();
        services.TryAddSingleton<ChangesJob>();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IJob, ChangesJob>(sp => sp.GetRequiredService<ChangesJob>()));
        return services;
    }
}
