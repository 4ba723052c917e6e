namespace RegistryOps.Jobs.Sync;

/// <summary>All images of one entry, or the error that kept its tags from being resolved.</summary>
internal sealed record EntryCheck(SyncEntrySpec Entry, IReadOnlyList<ImageCheck> Images, string? Error = null)
{
    public bool Failed => Error is not null || Images.Any(i => i.State == ImageState.Error);
}
