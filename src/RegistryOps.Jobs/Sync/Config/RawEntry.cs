using YamlDotNet.RepresentationModel;

namespace RegistryOps.Jobs.Sync.Config;

/// <summary>An entry's keys as written, before defaults are applied.</summary>
internal sealed class RawEntry
{
    public string? Source { get; set; }

    public YamlNode? SourceNode { get; set; }

    public string? Target { get; set; }

    public YamlNode? TargetNode { get; set; }

    public SyncType? Type { get; set; }

    public YamlNode? TypeNode { get; set; }

    public RawTagSet Tags { get; set; } = RawTagSet.Empty;

    public List<RawTagSet> TagSets { get; set; } = [];

    public RawTagSet Repos { get; set; } = RawTagSet.Empty;

    public SyncOptionValues Options { get; } = new();
}
