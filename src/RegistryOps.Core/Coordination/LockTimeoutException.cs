using RegistryOps.Core.Jobs;

namespace RegistryOps.Core.Coordination;

/// <summary>The registry lock could not be had before the deadline.</summary>
public sealed class LockTimeoutException(RegistryAccess access, TimeSpan timeout, string heldBy)
    : Exception($"could not take the registry {access.ToString().ToLowerInvariant()} within {DurationText.Format(timeout)}; held by {heldBy}")
{
    public RegistryAccess Access { get; } = access;

    public TimeSpan Timeout { get; } = timeout;

    /// <summary>Who held the lock when the deadline passed, e.g. "gc" or "pid 4242 (gc, once)".</summary>
    public string HeldBy { get; } = heldBy;
}
