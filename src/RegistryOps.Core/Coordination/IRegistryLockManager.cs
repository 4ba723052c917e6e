using RegistryOps.Core.Jobs;

namespace RegistryOps.Core.Coordination;

/// <summary>
/// Shared / exclusive access to the registry. A waiting exclusive request blocks new shared ones,
/// so a GC window is not starved by frequent syncs. Exclusive access also holds an advisory file
/// lock in the runtime directory, so a one-shot command and a daemon never both quiesce the registry.
/// </summary>
public interface IRegistryLockManager
{
    /// <summary>Waits for access until <paramref name="timeout"/>; throws
    /// <see cref="LockTimeoutException"/> when it passes. Dispose the lease to release.</summary>
    Task<IAsyncDisposable> AcquireAsync(RegistryAccess access, string holder, TimeSpan timeout,
        CancellationToken cancellationToken);

    /// <summary>Who holds and who waits, for logs, metrics and the status command.</summary>
    LockSnapshot Snapshot();
}
