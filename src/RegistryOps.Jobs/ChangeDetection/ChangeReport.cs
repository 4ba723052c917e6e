using System.Text;
using RegistryOps.Core.Notifications;

namespace RegistryOps.Jobs.ChangeDetection;

/// <summary>Words for a change scan: the one-line summary for history and logs, and the phone
/// notification (Markdown, host in the title, one line per change).</summary>
public static class ChangeReport
{
    private static readonly string[] NotificationTags = ["package"];

    public static string Initialised(RegistrySnapshot snapshot) =>
        $"initialised: {Plural(snapshot.RepositoryCount, "repository", "repositories")}, "
        + Plural(snapshot.TagCount, "tag", "tags");

    public static string Summary(RegistryChanges changes, RegistrySnapshot current)
    {
        var size = $"{Plural(current.RepositoryCount, "repository", "repositories")}, "
            + Plural(current.TagCount, "tag", "tags");
        if (changes.IsEmpty)
        {
            return $"no changes ({size})";
        }

        // The total counts tag changes too; the breakdown after the colon is by repository.
        var repositories = changes.Added.Count + changes.Removed.Count + changes.Updated.Count;
        return $"{Plural(changes.Count, "change", "changes")} in "
            + $"{Plural(repositories, "repository", "repositories")}: {changes.Added.Count} new, "
            + $"{changes.Removed.Count} removed, {changes.Updated.Count} updated ({size})";
    }

    public static Notification InitialisedNotification(string host, RegistrySnapshot snapshot) =>
        new($"{host}: change detection started",
            $"Watching **{host}**: {Plural(snapshot.RepositoryCount, "repository", "repositories")}, "
            + $"{Plural(snapshot.TagCount, "tag", "tags")}.", NotificationPriority.Low, NotificationTags);

    public static Notification UnchangedNotification(string host, RegistrySnapshot snapshot) =>
        new($"{host}: no changes", Summary(new RegistryChanges([], [], []), snapshot),
            NotificationPriority.Min, NotificationTags);

    /// <param name="emptied">Repositories the catalog still lists with no tags left.</param>
    public static Notification ChangesNotification(string host, RegistryChanges changes, RegistrySnapshot current,
        IReadOnlySet<string> emptied)
    {
        var body = new StringBuilder();
        if (changes.Added.Count > 0)
        {
            body.AppendLine($"**New** ({changes.Added.Count})");
            foreach (var repository in changes.Added)
            {
                body.AppendLine($"- `{repository.Name}` ({Plural(repository.TagCount, "tag", "tags")})");
            }
        }

        if (changes.Removed.Count > 0)
        {
            body.AppendLine($"**Removed** ({changes.Removed.Count})");
            foreach (var repository in changes.Removed)
            {
                var note = emptied.Contains(repository.Name) ? "no tags left" : "gone from the catalog";
                body.AppendLine($"- `{repository.Name}` ({note}; had {Plural(repository.TagCount, "tag", "tags")})");
            }
        }

        foreach (var update in changes.Updated)
        {
            body.AppendLine($"**{update.Name}**");
            foreach (var tag in update.TagsAdded)
            {
                body.AppendLine($"- + `{tag}`");
            }

            foreach (var tag in update.TagsRemoved)
            {
                body.AppendLine($"- − `{tag}`");
            }

            foreach (var tag in update.TagsRepointed)
            {
                body.AppendLine($"- `{tag.Tag}` {ShortDigest.Of(tag.OldDigest)} → {ShortDigest.Of(tag.NewDigest)}");
            }
        }

        body.Append($"_{host}: {Plural(current.RepositoryCount, "repository", "repositories")}, "
            + $"{Plural(current.TagCount, "tag", "tags")}_");
        return new Notification($"{host}: {Plural(changes.Count, "change", "changes")}", body.ToString(),
            NotificationPriority.Default, NotificationTags);
    }

    public static Notification FailedNotification(string host, string summary) =>
        new($"{host}: change scan failed", summary, NotificationPriority.High, ["warning"]);

    private static string Plural(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";
}
