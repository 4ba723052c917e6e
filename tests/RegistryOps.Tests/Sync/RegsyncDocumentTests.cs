using RegistryOps.Jobs.Sync.Config;
using RegistryOps.Jobs.Sync.Manage;

namespace RegistryOps.Tests.Sync;

public sealed class RegsyncDocumentTests
{
    private static readonly SyncEntrySpec Redis = new(
        "docker.io/library/redis", "reg:5000/library/redis", SyncType.Repository, new TagSet(["7"], [], []));

    [Fact]
    public void Add_FollowsAFileThatDoesNotIndentItsLists()
    {
        const string text = "sync:\n- source: a\n  target: r/a\n  type: repository\n  tags:\n      allow:\n      - x\n";

        var result = new RegsyncDocument(text).Add(Redis);

        Assert.Equal(
            text + "- source: docker.io/library/redis\n  target: reg:5000/library/redis\n  type: repository\n"
            + "  tags:\n      allow:\n      - '7'\n",
            result);
    }

    [Fact]
    public void Add_KeepsCrLfLineEndings()
    {
        const string text = "sync:\r\n  - source: a\r\n    target: r/a\r\n    type: image\r\n";

        var result = new RegsyncDocument(text).Add(Redis with { Tags = TagSet.Empty });

        Assert.Equal(
            text + "  - source: docker.io/library/redis\r\n    target: reg:5000/library/redis\r\n"
            + "    type: repository\r\n",
            result);
    }

    [Fact]
    public void Add_ToAnEmptyFlowList_StartsABlockList()
    {
        var result = new RegsyncDocument("version: 1\nsync: [] # none yet\n").Add(Redis with { Tags = TagSet.Empty });

        Assert.Equal(
            "version: 1\nsync: # none yet\n  - source: docker.io/library/redis\n"
            + "    target: reg:5000/library/redis\n    type: repository\n",
            result);
    }

    [Fact]
    public void SetScalar_QuotedValueIsReplacedAndTheCommentKept()
    {
        const string text = "sync:\n  - source: a\n    target: 'r/a' # keep me\n    type: image\n";

        var result = new RegsyncDocument(text).SetScalar(0, "target", "r/b");

        Assert.Equal("sync:\n  - source: a\n    target: r/b # keep me\n    type: image\n", result);
    }

    [Fact]
    public void SetTags_EmptySetRemovesTheBlock()
    {
        const string text = "sync:\n  - source: a\n    tags:\n      allow: [x]\n    target: r/a\n    type: image\n";

        var result = new RegsyncDocument(text).SetTags(0, TagSet.Empty);

        Assert.Equal("sync:\n  - source: a\n    target: r/a\n    type: image\n", result);
    }

    [Fact]
    public void Remove_LastEntryWithBlockScalar_LeavesFollowingCommentsAlone()
    {
        const string text = "sync:\n  - source: a\n    target: r/a\n    type: image\n"
            + "    backup: |\n      bk\n\n# tail\n";

        var result = new RegsyncDocument(text).Remove(0);

        Assert.Equal("sync:\n\n# tail\n", result);
    }
}
