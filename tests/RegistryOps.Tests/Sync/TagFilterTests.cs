using RegistryOps.Jobs.Sync.Config;

namespace RegistryOps.Tests.Sync;

public sealed class TagFilterTests
{
    private static readonly string[] Tags =
    [
        "latest", "latest-alpine", "alpine", "1", "1.24", "1.24.0", "1.24.1", "1.24.1-alpine",
        "1.25.0-rc1", "1.25.0", "v2.0.0", "2.0.0-alpine3.21", "3.0", "edge", "stable-perl",
    ];

    private static TagSet Set(string[]? allow = null, string[]? deny = null, string[]? range = null) =>
        new(allow ?? [], deny ?? [], range ?? []);

    /// <summary>One row: the filter keys as written, and the tags of <see cref="Tags"/> kept, in
    /// order.</summary>
    public static TheoryData<string, TagSet, string> Rows => new()
    {
        // No filter at all keeps every tag.
        { "no filter", TagSet.Empty, string.Join(' ', Tags) },
        // Anchored at both ends: "latest" is not a prefix match for latest-alpine.
        { "exact allow", Set(allow: ["latest"]), "latest" },
        { "allow regex", Set(allow: [@"1\.24\.\d+"]), "1.24.0 1.24.1" },
        // An alternation is anchored as a whole (regsync's plain ^…$ would let "latest-alpine" in).
        { "alternation", Set(allow: ["latest|edge"]), "latest edge" },
        { "allow then deny", Set(allow: [@"1\..*"], deny: [".*-alpine", ".*-rc.*"]), "1.24 1.24.0 1.24.1 1.25.0" },
        {
            "deny only", Set(deny: [".*alpine.*", "latest"]),
            "1 1.24 1.24.0 1.24.1 1.25.0-rc1 1.25.0 v2.0.0 3.0 edge stable-perl"
        },
        // semverRange: non-version tags drop out; suffixes rank as pre-releases, as in regsync.
        { "range", Set(range: [">=1.24.1 <2.0.0"]), "1.24.1 1.25.0-rc1 1.25.0 2.0.0-alpine3.21" },
        { "range alternatives", Set(range: ["<1.24.1", ">=3"]), "1 1.24 1.24.0 1.24.1-alpine 3.0" },
        { "range or-operator", Set(range: ["<1.24.1 || >=3"]), "1 1.24 1.24.0 1.24.1-alpine 3.0" },
        // A known limit kept from regsync: a pre-release of the upper bound sorts below it, so
        // "<1.25" keeps 1.25.0-rc1 and "<2.0.0" keeps 2.0.0-alpine3.21.
        { "comma is and", Set(range: [">=1.24, <1.25"]), "1.24 1.24.0 1.24.1 1.24.1-alpine 1.25.0-rc1" },
        { "caret", Set(range: ["^1.24.1"]), "1.24.1 1.25.0-rc1 1.25.0 2.0.0-alpine3.21" },
        { "tilde", Set(range: ["~1.24.0"]), "1.24 1.24.0 1.24.1 1.24.1-alpine 1.25.0-rc1" },
        { "x wildcard", Set(range: ["1.24.x"]), "1.24 1.24.0 1.24.1 1.24.1-alpine 1.25.0-rc1" },
        {
            "star", Set(range: ["*"]),
            "1 1.24 1.24.0 1.24.1 1.24.1-alpine 1.25.0-rc1 1.25.0 v2.0.0 2.0.0-alpine3.21 3.0"
        },
        { "v prefix in range", Set(range: ["=v2.0.0"]), "v2.0.0" },
        { "spaced operator", Set(range: [">= 3"]), "3.0" },
        // Range first, then allow: allow cannot bring back a tag the range dropped.
        { "range then allow", Set(allow: ["latest", @"v.*"], range: [">=1.0.0"]), "v2.0.0" },
        { "range then deny", Set(deny: [".*-.*"], range: [">=1.25"]), "1.25.0 v2.0.0 3.0" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Apply_KeepsExactlyTheExpectedTags(string row, TagSet set, string expected)
    {
        var filter = TagFilter.Create(set, []);

        Assert.Equal((row, expected), (row, string.Join(' ', filter.Apply(Tags))));
    }

    [Fact]
    public void Apply_TagSetsAreUnionedWithTags()
    {
        var filter = TagFilter.Create(
            Set(allow: ["edge"]),
            [Set(range: [">=3"]), Set(allow: ["latest"])]);

        Assert.Equal(["latest", "3.0", "edge"], filter.Apply(Tags));
    }

    [Fact]
    public void Apply_EmptyTagsKeyWithTagSets_UsesOnlyTheSets()
    {
        var filter = TagFilter.Create(TagSet.Empty, [Set(allow: ["edge"])]);

        Assert.Equal(["edge"], filter.Apply(Tags));
    }

    [Theory]
    [InlineData("1.2 - 1.4", "hyphen ranges")]
    [InlineData(">=", "not a version")]
    [InlineData("latest", "not a version")]
    [InlineData("<x", "matches no version")]
    [InlineData(">=1 ||", "empty alternative")]
    public void SemverRange_Unsupported_IsRejectedWithAReason(string text, string reason)
    {
        Assert.False(SemverRange.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData("1.2.3", "1.2.3", 0)]
    [InlineData("v1.2", "1.2.0", 0)]
    [InlineData("1.2.3-alpine", "1.2.3", -1)]
    [InlineData("1.2.3-rc2", "1.2.3-rc10", -1)]
    [InlineData("1.2.3-alpine3.19", "1.2.3-alpine3.21", -1)]
    [InlineData("1.10", "1.9", 1)]
    [InlineData("1.2.3.4", "1.2.3", 1)]
    public void SemverVersion_OrdersAsRegsync(string a, string b, int expected)
    {
        Assert.True(SemverVersion.TryParse(a, out var left));
        Assert.True(SemverVersion.TryParse(b, out var right));

        Assert.Equal(expected, Math.Sign(left.CompareTo(right)));
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("v")]
    [InlineData("1..2")]
    [InlineData("sha256-abc")]
    [InlineData("stable-perl")]
    public void SemverVersion_NonVersionTags_DoNotParse(string tag)
    {
        Assert.False(SemverVersion.TryParse(tag, out _));
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("60m", 3600)]
    [InlineData("1h30m", 5400)]
    [InlineData("1.5h", 5400)]
    [InlineData("0", 0)]
    [InlineData("1500ms", 1.5)]
    public void GoDuration_ParsesGoForms(string text, double seconds)
    {
        Assert.True(GoDuration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Theory]
    [InlineData("60")]
    [InlineData("1d")]
    [InlineData("60 minutes")]
    [InlineData("")]
    public void GoDuration_RejectsOtherForms(string text)
    {
        Assert.False(GoDuration.TryParse(text, out _));
    }
}
