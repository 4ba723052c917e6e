using RegistryOps.Core.Notifications;
using RegistryOps.Jobs.ChangeDetection;
using static RegistryOps.Tests.ChangeDetection.Snapshots;

namespace RegistryOps.Tests.ChangeDetection;

public sealed class ChangeReportTests
{
    [Fact]
    public void ChangesNotification_NamesHostAndEveryChange_Concisely()
    {
        var previous = Of("gone:v1=a1", "empty:v1=a2", "app:latest=a1", "app:old=0f");
        var current = Of("app:latest=b2", "app:new=b2", "web:1=c3", "web:2=c3");
        var changes = SnapshotDiffer.Compare(previous, current);

        var notification = ChangeReport.ChangesNotification("registry.example.com", changes, current,
            new HashSet<string> { "empty" });

        Assert.Equal("registry.example.com: 6 changes", notification.Title);
        Assert.Equal(NotificationPriority.Default, notification.Priority);
        var lines = notification.Body.Split('\n');
        Assert.Contains("- `web` (2 tags)", lines);
        Assert.Contains("- `empty` (no tags left; had 1 tag)", lines);
        Assert.Contains("- `gone` (gone from the catalog; had 1 tag)", lines);
        Assert.Contains("**app**", lines);
        Assert.Contains("- + `new`", lines);
        Assert.Contains("- − `old`", lines);
        Assert.Contains("- `latest` sha256:a1a1a1a1… → sha256:b2b2b2b2…", lines);
        Assert.EndsWith("_registry.example.com: 2 repositories, 4 tags_", notification.Body);
        Assert.All(lines, line => Assert.True(line.Length < 80, line));
    }

    [Fact]
    public void Summary_SaysCountsAndSize()
    {
        var current = Of("app:v1=a1", "app:v2=a1");
        var changes = SnapshotDiffer.Compare(Of("app:v1=a1"), current);

        var none = SnapshotDiffer.Compare(current, current);

        Assert.Equal("1 change in 1 repository: 0 new, 0 removed, 1 updated (1 repository, 2 tags)",
            ChangeReport.Summary(changes, current));
        Assert.Equal("no changes (1 repository, 2 tags)", ChangeReport.Summary(none, current));
        Assert.Equal("initialised: 1 repository, 2 tags", ChangeReport.Initialised(current));
    }
}
