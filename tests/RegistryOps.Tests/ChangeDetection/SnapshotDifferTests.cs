using RegistryOps.Jobs.ChangeDetection;
using static RegistryOps.Tests.ChangeDetection.Snapshots;

namespace RegistryOps.Tests.ChangeDetection;

public sealed class SnapshotDifferTests
{
    [Fact]
    public void Compare_SameContent_IsEmpty()
    {
        var changes = SnapshotDiffer.Compare(Of("app:v1=a1", "app:v2=b2"), Of("app:v2=b2", "app:v1=a1"));

        Assert.True(changes.IsEmpty);
        Assert.Equal(0, changes.Count);
    }

    [Fact]
    public void Compare_NewAndRemovedRepositories_CountOnceEach()
    {
        var changes = SnapshotDiffer.Compare(
            Of("old:v1=a1", "old:v2=a2", "keep:v1=c3"),
            Of("keep:v1=c3", "new:1=d4", "new:2=d5", "new:3=d6"));

        Assert.Equal([new RepositorySummary("new", 3)], changes.Added);
        Assert.Equal([new RepositorySummary("old", 2)], changes.Removed);
        Assert.Empty(changes.Updated);
        Assert.Equal(2, changes.Count);
    }

    [Fact]
    public void Compare_TagsAddedRemovedAndRepointed_InOneRepository()
    {
        var changes = SnapshotDiffer.Compare(
            Of("app:latest=a1", "app:v1=a1", "app:v0=0f"),
            Of("app:latest=b2", "app:v1=a1", "app:v2=b2"));

        var update = Assert.Single(changes.Updated);
        Assert.Equal(["v2"], update.TagsAdded);
        Assert.Equal(["v0"], update.TagsRemoved);
        Assert.Equal([new TagRepointed("latest", Digest("a1"), Digest("b2"))], update.TagsRepointed);
        Assert.Equal(3, changes.Count);
        Assert.Equal(new Dictionary<string, int>
        {
            [RegistryChanges.KindTagAdded] = 1,
            [RegistryChanges.KindTagRemoved] = 1,
            [RegistryChanges.KindTagRepointed] = 1,
        }, changes.CountsByKind());
    }

    [Fact]
    public void Snapshot_RepositoryWithoutTags_IsLeftOut_SoItsLastTagGoingReadsAsRemoved()
    {
        var emptied = new RegistrySnapshot(Noon, new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["app"] = new Dictionary<string, string>(),
        });

        var changes = SnapshotDiffer.Compare(Of("app:v1=a1"), emptied);

        Assert.Equal(0, emptied.RepositoryCount);
        Assert.Equal([new RepositorySummary("app", 1)], changes.Removed);
    }

    [Fact]
    public void Snapshot_JsonRoundTrip_KeepsEverything()
    {
        var snapshot = Of("b/app:v1=a1", "a/app:latest=b2", "a/app:1.0=c3");

        var read = RegistrySnapshot.FromJson(snapshot.ToJson());

        Assert.Equal(snapshot.ToJson(), read.ToJson());
        Assert.Equal(Noon, read.TakenAt);
        Assert.Equal(3, read.TagCount);
        Assert.True(SnapshotDiffer.Compare(snapshot, read).IsEmpty);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"version":99,"repositories":{}}""")]
    [InlineData("""{"version":1}""")]
    public void Snapshot_FromJson_UnknownContent_IsAFormatError(string json)
    {
        Assert.Throws<FormatException>(() => RegistrySnapshot.FromJson(json));
    }

    [Theory]
    [InlineData("sha256:1a2b3c4d5e6f", "sha256:1a2b3c4d…")]
    [InlineData("sha256:1a2b", "sha256:1a2b")]
    [InlineData("abcdef0123456789", "abcdef01…")]
    public void ShortDigest_KeepsAlgorithmAndEightHexDigits(string digest, string expected)
    {
        Assert.Equal(expected, ShortDigest.Of(digest));
    }
}
