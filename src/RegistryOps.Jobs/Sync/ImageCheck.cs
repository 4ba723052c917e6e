namespace RegistryOps.Jobs.Sync;

/// <summary>The result of comparing one tag on both sides.</summary>
internal sealed record ImageCheck(
    ImageReference Source,
    ImageReference Target,
    ImageState State,
    RemoteManifest? SourceManifest,
    RemoteManifest? TargetManifest,
    string? Error = null)
{
    public bool WantsCopy => State is ImageState.NeedsSync or ImageState.TargetMissing;
}
