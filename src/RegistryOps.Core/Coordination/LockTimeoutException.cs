using RegistryOps.Core.Jobs;

namespace RegistryOps.Core.Coordination;

/// <summary>The registry lock could not be had before the deadline.</summary>
public sealed class LockTimeoutException(RegistryAccess access, TimeSpan timeout, string heldBy)
    : Exception($"could not take the registry {access.ToString().ToLowerInvariant()} within {timeout}; held by {heldBy}")
{
    public RegistryAccess Access { get; } = access;
}
