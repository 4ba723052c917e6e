using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RegistryOps.Jobs.Sync.Config;

/// <summary>
/// Helpers over YamlDotNet's representation model. Aliases are already resolved by the loader (an
/// alias is the anchored node itself); merge keys (<c>&lt;&lt;: *anchor</c> or a list of them) are
/// not, so <see cref="Entries"/> applies them: keys written in the mapping win over merged ones,
/// and of several merged mappings the earlier one wins, as YAML's merge key type defines.
/// </summary>
internal static class YamlNodes
{
    public const string MergeKey = "<<";

    public static IReadOnlyList<(YamlScalarNode Key, YamlNode Value)> Entries(
        YamlMappingNode map, ProblemSink sink, string path)
    {
        var result = new List<(YamlScalarNode, YamlNode)>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        var merges = new List<YamlNode>();

        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode key || key.Value is null)
            {
                sink.Error(keyNode.Start, path, "a key must be a plain scalar");
                continue;
            }

            if (key.Value == MergeKey && key.Style == ScalarStyle.Plain)
            {
                merges.Add(value);
                continue;
            }

            present.Add(key.Value);
            result.Add((key, value));
        }

        foreach (var merge in merges)
        {
            var sources = merge is YamlSequenceNode list ? list.Children : [merge];
            foreach (var source in sources)
            {
                if (source is not YamlMappingNode merged)
                {
                    sink.Error(
                        source.Start, path, "a merge key (<<) must refer to a mapping or a list of mappings");
                    continue;
                }

                foreach (var (key, value) in Entries(merged, sink, path))
                {
                    if (present.Add(key.Value!))
                    {
                        result.Add((key, value));
                    }
                }
            }
        }

        return result;
    }

    /// <summary>True for an empty value, <c>~</c> or <c>null</c> written plain.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode
        {
            Style: ScalarStyle.Plain,
            Value: null or "" or "~" or "null" or "Null" or "NULL",
        };

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
