using RegistryOps.Core.Configuration;
using RegistryOps.Core.Distribution;

namespace RegistryOps.Jobs.Sync;

/// <summary>Opens one distribution client per registry host for a run.</summary>
internal sealed class ClientSyncRegistryFactory(RegistryClientFactory clients) : ISyncRegistryFactory
{
    public ISyncRegistrySession Open(IReadOnlyList<SyncRegistrySettings> registries, SyncJobConfig config) =>
        new ClientSyncRegistrySession(clients, registries, config.RetryBudget);
}
