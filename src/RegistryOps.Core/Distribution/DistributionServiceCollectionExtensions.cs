using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RegistryOps.Core.Distribution;

public static class DistributionServiceCollectionExtensions
{
    /// <summary>Registers <see cref="RegistryClientFactory"/> (and TimeProvider.System when the
    /// host has none).</summary>
    public static IServiceCollection AddRegistryOpsDistribution(this IServiceCollection services)
    {
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RegistryClientFactory>();
        return services;
    }
}
