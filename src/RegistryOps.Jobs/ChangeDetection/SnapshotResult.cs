namespace RegistryOps.Jobs.ChangeDetection;

/// <summary>A complete listing: the snapshot, the repositories the catalog lists without tags,
/// and what it cost.</summary>
public sealed record SnapshotResult(
    RegistrySnapshot Snapshot,
    IReadOnlySet<string> EmptyRepositories,
    long Requests,
    TimeSpan Elapsed);
