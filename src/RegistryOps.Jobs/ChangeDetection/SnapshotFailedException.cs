namespace RegistryOps.Jobs.ChangeDetection;

/// <summary>A listing step failed; the message names the step (catalog, tags of X, manifest X:T).</summary>
public sealed class SnapshotFailedException(string step, Exception inner)
    : Exception($"{step} failed: {inner.Message}", inner)
{
    public string Step { get; } = step;
}
