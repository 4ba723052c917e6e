using Microsoft.Extensions.DependencyInjection;

namespace RegistryOps.Core.Configuration;

public static class ConfigServiceCollectionExtensions
{
    /// <summary>Registers one <see cref="ConfigProvider"/> for <paramref name="path"/> as
    /// <see cref="IConfigProvider"/>. The file is read when the provider is first resolved; an
    /// invalid file throws <see cref="ConfigException"/> there.</summary>
    public static IServiceCollection AddRegistryOpsConfig(this IServiceCollection services, string path)
    {
        services.AddSingleton(_ => new ConfigProvider(path));
        services.AddSingleton<IConfigProvider>(provider => provider.GetRequiredService<ConfigProvider>());
        return services;
    }
}
