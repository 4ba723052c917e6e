using RegistryOps.Jobs.Sync.Config;

namespace RegistryOps.Jobs.Sync.Manage;

/// <summary>One line of <c>registryops sync list</c>.</summary>
/// <param name="Number">The 1-based number edit and remove accept as INDEX.</param>
public sealed record SyncEntryRow(int Number, SyncEntry Entry)
{
    /// <summary>The filters in short form, e.g. <c>allow 3, 3\.\d+; deny 3\.0; +1 tagSets</c>.</summary>
    public string Filters
    {
        get
        {
            var parts = new List<string>();
            Describe("allow", Entry.Tags.Allow, parts);
            Describe("deny", Entry.Tags.Deny, parts);
            Describe("semver", Entry.Tags.SemverRange, parts);
            if (Entry.TagSets.Count > 0)
            {
                parts.Add($"+{Entry.TagSets.Count} tagSets");
            }

            Describe("repos allow", Entry.Repos.Allow, parts);
            Describe("repos deny", Entry.Repos.Deny, parts);
            return parts.Count == 0 ? "all tags" : string.Join("; ", parts);
        }
    }

    private static void Describe(string label, IReadOnlyList<string> values, List<string> into)
    {
        if (values.Count > 0)
        {
            into.Add($"{label} {string.Join(", ", values)}");
        }
    }
}
