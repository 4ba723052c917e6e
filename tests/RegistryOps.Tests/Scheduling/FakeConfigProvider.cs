using RegistryOps.Core.Configuration;

namespace RegistryOps.Tests.Scheduling;

/// <summary>A config provider whose snapshot the test swaps, raising Changed like a reload.</summary>
internal sealed class FakeConfigProvider(RegistryOpsConfig config) : IConfigProvider
{
    public RegistryOpsConfig Current { get; private set; } = config;

    public event Action<RegistryOpsConfig>? Changed;

    public IReadOnlyList<ConfigProblem> Reload() => [];

    public void Swap(RegistryOpsConfig config)
    {
        Current = config;
        Changed?.Invoke(config);
    }
}
