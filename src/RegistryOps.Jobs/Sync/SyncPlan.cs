namespace RegistryOps.Jobs.Sync;

/// <summary>Everything read from the regsync files for one run: the entries, the registries
/// they name with their credentials and limits, and the problems found while reading (a file
/// with errors contributes no entries; the other files still run).</summary>
internal sealed record SyncPlan(
    IReadOnlyList<SyncEntrySpec> Entries,
    IReadOnlyList<SyncRegistrySettings> Registries,
    IReadOnlyList<string> Warnings)
{
    public IReadOnlyList<string> Errors { get; init; } = [];
}
