using YamlDotNet.RepresentationModel;

namespace RegistryOps.Jobs.Sync.Config;

/// <summary>A tag set with the nodes of its patterns, for per-pattern errors.</summary>
internal sealed record RawTagSet(
    TagSet Set,
    YamlNode? Node,
    IReadOnlyList<YamlNode> AllowNodes,
    IReadOnlyList<YamlNode> DenyNodes,
    IReadOnlyList<YamlNode> RangeNodes)
{
    public static RawTagSet Empty { get; } = new(TagSet.Empty, null, [], [], []);
}
