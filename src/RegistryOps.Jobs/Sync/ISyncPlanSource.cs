using RegistryOps.Core.Configuration;

namespace RegistryOps.Jobs.Sync;

/// <summary>Reads the sync entries for a run (the regsync files named by <c>jobs.sync.files</c>).
/// Throws <see cref="SyncPlanException"/> when the files cannot be used.</summary>
internal interface ISyncPlanSource
{
    Task<SyncPlan> LoadAsync(SyncJobConfig config, CancellationToken cancellationToken);
}
