using RegistryOps.Jobs.Sync;

namespace RegistryOps.Tests.Sync;

internal sealed class FakeRegistryProvider(params FakeRegistry[] registries) : ISyncRegistryProvider
{
    public ISyncRegistry Get(string host) => registries.Single(r => r.Host == host);
}
