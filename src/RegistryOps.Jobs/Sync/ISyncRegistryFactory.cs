using RegistryOps.Core.Configuration;

namespace RegistryOps.Jobs.Sync;

/// <summary>Opens the registry clients of one run: one per host, shared by every entry so that
/// per-registry limits hold across the run. Dispose the result when the run ends.</summary>
internal interface ISyncRegistryFactory
{
    ISyncRegistrySession Open(IReadOnlyList<SyncRegistrySettings> registries, SyncJobConfig config);
}

/// <summary>The clients of one run.</summary>
internal interface ISyncRegistrySession : ISyncRegistryProvider, IDisposable;
