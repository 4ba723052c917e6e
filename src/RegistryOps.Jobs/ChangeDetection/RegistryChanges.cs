namespace RegistryOps.Jobs.ChangeDetection;

/// <summary>The difference between two snapshots, every list sorted by name.</summary>
public sealed record RegistryChanges(
    IReadOnlyList<RepositorySummary> Added,
    IReadOnlyList<RepositorySummary> Removed,
    IReadOnlyList<RepositoryUpdate> Updated)
{
    public const string KindRepositoryAdded = "repository_added";
    public const string KindRepositoryRemoved = "repository_removed";
    public const string KindTagAdded = "tag_added";
    public const string KindTagRemoved = "tag_removed";
    public const string KindTagRepointed = "tag_repointed";

    public bool IsEmpty => Count == 0;

    /// <summary>A new or removed repository counts once; in an updated one every tag change counts.</summary>
    public int Count => Added.Count + Removed.Count + Updated.Sum(u => u.Count);

    /// <summary>Counts by kind (the <c>kind</c> label of the changes metric), zero kinds left out.</summary>
    public IReadOnlyDictionary<string, int> CountsByKind()
    {
        var counts = new Dictionary<string, int>
        {
            [KindRepositoryAdded] = Added.Count,
            [KindRepositoryRemoved] = Removed.Count,
            [KindTagAdded] = Updated.Sum(u => u.TagsAdded.Count),
            [KindTagRemoved] = Updated.Sum(u => u.TagsRemoved.Count),
            [KindTagRepointed] = Updated.Sum(u => u.TagsRepointed.Count),
        };
        return counts.Where(c => c.Value > 0).ToDictionary();
    }
}

/// <summary>A repository that appeared or went, with its tag count (now, or before it went).</summary>
public sealed record RepositorySummary(string Name, int TagCount);

/// <summary>A repository present in both snapshots whose tags changed.</summary>
public sealed record RepositoryUpdate(
    string Name,
    IReadOnlyList<string> TagsAdded,
    IReadOnlyList<string> TagsRemoved,
    IReadOnlyList<TagRepointed> TagsRepointed)
{
    public int Count => TagsAdded.Count + TagsRemoved.Count + TagsRepointed.Count;
}

/// <summary>A tag that now names another manifest.</summary>
public sealed record TagRepointed(string Tag, string OldDigest, string NewDigest);
