namespace RegistryOps.Jobs.Sync;

/// <summary>Per-entry summary of a run. <see cref="Error"/> is set when the entry's tags could
/// not even be listed.</summary>
internal sealed record EntryReport(
    SyncEntrySpec Entry,
    IReadOnlyList<ImageResult> Images,
    string? Error = null)
{
    public int Count(ImageOutcome outcome) => Images.Count(i => i.Outcome == outcome);

    public long Bytes => Images.Sum(i => i.Bytes);

    public bool Failed => Error is not null || Images.Any(i => i.Outcome == ImageOutcome.Failed);

    /// <summary>Some images waited for the source's pull budget: the entry is not done.</summary>
    public bool Deferred => Images.Any(i => i.Outcome == ImageOutcome.Deferred);

    public string Describe() => Error is not null
        ? $"{Entry}: failed: {Error}"
        : $"{Entry}: synced {Count(ImageOutcome.Synced)}, unchanged {Count(ImageOutcome.Unchanged)}, "
          + $"failed {Count(ImageOutcome.Failed)}, {ByteSize.Format(Bytes)}";
}
