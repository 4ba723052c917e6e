namespace RegistryOps.Jobs.ChangeDetection;

/// <summary>Compares two snapshots. Pure: no I/O, same input, same output.</summary>
public static class SnapshotDiffer
{
    public static RegistryChanges Compare(RegistrySnapshot previous, RegistrySnapshot current)
    {
        var before = previous.Repositories;
        var after = current.Repositories;

        var added = after.Keys.Where(name => !before.ContainsKey(name))
            .Select(name => new RepositorySummary(name, after[name].Count)).ToList();
        var removed = before.Keys.Where(name => !after.ContainsKey(name))
            .Select(name => new RepositorySummary(name, before[name].Count)).ToList();

        var updated = new List<RepositoryUpdate>();
        foreach (var name in after.Keys.Where(before.ContainsKey))
        {
            var update = CompareTags(name, before[name], after[name]);
            if (update.Count > 0)
            {
                updated.Add(update);
            }
        }

        return new RegistryChanges(added, removed, updated);
    }

    private static RepositoryUpdate CompareTags(string repository, IReadOnlyDictionary<string, string> before,
        IReadOnlyDictionary<string, string> after)
    {
        var added = after.Keys.Where(tag => !before.ContainsKey(tag)).Order(StringComparer.Ordinal).ToList();
        var removed = before.Keys.Where(tag => !after.ContainsKey(tag)).Order(StringComparer.Ordinal).ToList();
        var repointed = after
            .Where(tag => before.TryGetValue(tag.Key, out var old) && old != tag.Value)
            .OrderBy(tag => tag.Key, StringComparer.Ordinal)
            .Select(tag => new TagRepointed(tag.Key, before[tag.Key], tag.Value))
            .ToList();
        return new RepositoryUpdate(repository, added, removed, repointed);
    }
}
