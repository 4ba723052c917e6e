namespace RegistryOps.Core.Configuration;

/// <summary>The live config snapshot. A reload validates the whole file first and swaps the
/// snapshot atomically; a bad file leaves the current snapshot in place.</summary>
public interface IConfigProvider
{
    RegistryOpsConfig Current { get; }

    /// <summary>Raised after a successful swap, with the new snapshot.</summary>
    event Action<RegistryOpsConfig>? Changed;

    /// <summary>Re-reads the file; returns the problems found (empty on success).</summary>
    IReadOnlyList<ConfigProblem> Reload();
}
