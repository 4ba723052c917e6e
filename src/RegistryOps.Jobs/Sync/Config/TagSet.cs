namespace RegistryOps.Jobs.Sync.Config;

/// <summary>
/// One allow/deny/semverRange group as written in a regsync file (<c>tags</c> or one item of
/// <c>tagSets</c>; <c>repos</c> uses allow and deny only). The patterns are kept as written; a
/// <see cref="FilterSet"/> is their compiled form.
/// </summary>
public sealed record TagSet(
    IReadOnlyList<string> Allow,
    IReadOnlyList<string> Deny,
    IReadOnlyList<string> SemverRange)
{
    public static TagSet Empty { get; } = new([], [], []);

    /// <summary>True when the set filters nothing (no allow, deny or range).</summary>
    public bool IsEmpty => Allow.Count == 0 && Deny.Count == 0 && SemverRange.Count == 0;
}
