namespace RegistryOps.Jobs.Sync.Config;

/// <summary>
/// The tag filter of one sync entry: the union of its filter sets (<c>tagSets</c> plus
/// <c>tags</c> when that filters anything). A tag is kept when any set keeps it; with no set,
/// every tag is kept.
/// </summary>
public sealed class TagFilter
{
    private readonly IReadOnlyList<FilterSet> _sets;

    public TagFilter(IReadOnlyList<FilterSet> sets)
    {
        _sets = sets;
    }

    public static TagFilter All { get; } = new([]);

    /// <summary>Builds the filter from the entry's keys as written, as regsync combines them.</summary>
    public static TagFilter Create(TagSet tags, IReadOnlyList<TagSet> tagSets)
    {
        var sets = tagSets.Select(FilterSet.Create).ToList();
        if (!tags.IsEmpty)
        {
            sets.Add(FilterSet.Create(tags));
        }

        return new TagFilter(sets);
    }

    public bool Keeps(string tag) => _sets.Count == 0 || _sets.Any(s => s.Keeps(tag));

    /// <summary>The kept tags, in their input order.</summary>
    public IReadOnlyList<string> Apply(IEnumerable<string> tags) => [.. tags.Where(Keeps)];
}
