using RegistryOps.Core.Configuration;

namespace RegistryOps.IntegrationTests.Notifications;

internal sealed class StaticConfigProvider(RegistryOpsConfig config) : IConfigProvider
{
    public RegistryOpsConfig Current { get; } = config;

    public event Action<RegistryOpsConfig>? Changed
    {
        add { }
        remove { }
    }

    public IReadOnlyList<ConfigProblem> Reload() => [];
}
