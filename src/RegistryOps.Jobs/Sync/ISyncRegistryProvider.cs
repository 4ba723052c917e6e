namespace RegistryOps.Jobs.Sync;

/// <summary>Gives the registry client for a host named in sync entries (one per host and run,
/// so per-registry concurrency and rate limits are shared by every entry).</summary>
internal interface ISyncRegistryProvider
{
    ISyncRegistry Get(string host);
}
