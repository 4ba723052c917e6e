namespace RegistryOps.Jobs.Sync;

/// <summary>Everything read from the regsync files for one run: the entries, the registries
/// they name with their credentials and limits, and the warnings found while reading.</summary>
internal sealed record SyncPlan(
    IReadOnlyList<SyncEntrySpec> Entries,
    IReadOnlyList<SyncRegistrySettings> Registries,
    IReadOnlyList<string> Warnings);
