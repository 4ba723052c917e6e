namespace RegistryOps.Jobs.Sync;

/// <summary>One image of a run: both references, digests, outcome and, on failure, why.</summary>
internal sealed record ImageResult(
    ImageReference Source,
    ImageReference Target,
    ImageOutcome Outcome,
    string? SourceDigest,
    string? TargetDigest,
    long Bytes = 0,
    string? Error = null);
