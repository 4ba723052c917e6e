using YamlDotNet.RepresentationModel;

namespace RegistryOps.Jobs.Sync.Manage;

/// <summary>How a file indents its sync list, read from what is already there.</summary>
/// <param name="DashColumn">Column (from 0) of the "-" of a sync item.</param>
/// <param name="KeyColumn">Column of an item's keys.</param>
/// <param name="Step">Indent of a nested mapping under its key.</param>
/// <param name="SequenceOffset">Extra indent of a list under its key (0 when "- " sits at the key's
/// column).</param>
internal sealed record IndentStyle(int DashColumn, int KeyColumn, int Step, int SequenceOffset)
{
    public static IndentStyle Detect(RegsyncDocument document)
    {
        var syncKeyColumn = document.SyncKeyColumn;
        var entries = document.Entries;
        if (entries.Count == 0)
        {
            return new IndentStyle(syncKeyColumn + 2, syncKeyColumn + 4, 2, 2);
        }

        var first = entries[0];
        var step = 2;
        var offset = first.DashColumn - syncKeyColumn;
        foreach (var entry in entries)
        {
            if (entry.Node is not YamlMappingNode map)
            {
                continue;
            }

            foreach (var (key, value) in map.Children)
            {
                var onOwnLines = value.Start.Line > key.Start.Line;
                if (onOwnLines && value is YamlMappingNode { Children.Count: > 0 } nested)
                {
                    step = (int)(nested.Children.First().Key.Start.Column - key.Start.Column);
                    offset = ListOffset(nested) ?? offset;
                    return new IndentStyle(first.DashColumn, first.KeyColumn, step, offset);
                }
            }
        }

        return new IndentStyle(first.DashColumn, first.KeyColumn, step, offset);
    }

    /// <summary>Offset of a block list under a key of <paramref name="map"/>, if it has one.</summary>
    private static int? ListOffset(YamlMappingNode map)
    {
        foreach (var (key, value) in map.Children)
        {
            if (value is YamlSequenceNode { Style: not YamlDotNet.Core.Events.SequenceStyle.Flow } list
                && list.Start.Line > key.Start.Line)
            {
                return (int)(list.Start.Column - key.Start.Column);
            }
        }

        return null;
    }
}
