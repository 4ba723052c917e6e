namespace RegistryOps.Core.Jobs;

/// <summary>How a job uses the registry, and so what it takes from the lock manager.</summary>
public enum RegistryAccess
{
    /// <summary>Does not touch the registry (e.g. log rotation).</summary>
    None,

    /// <summary>Reads or writes through the API while the registry is up (sync, changes).</summary>
    Shared,

    /// <summary>Stops the registry or makes it read-only (gc, backup).</summary>
    Exclusive,
}
