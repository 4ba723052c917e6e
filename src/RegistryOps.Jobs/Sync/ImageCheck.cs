using RegistryOps.Core.Distribution;
namespace RegistryOps.Jobs.Sync;

/// <summary>The result of comparing one tag on both sides.</summary>
internal sealed record ImageCheck(
    ImageReference Source,
    ImageReference Target,
    ImageState State,
    ManifestHead? SourceManifest,
    ManifestHead? TargetManifest,
    string? Error = null)
{
    public bool WantsCopy => State is ImageState.NeedsSync or ImageState.TargetMissing;
}
