using YamlDotNet.RepresentationModel;

namespace RegistryOps.Jobs.Sync.Manage;

/// <summary>
/// A regsync file edited as text. YamlDotNet does not keep comments on a round trip, so the YAML
/// is parsed only to find where things are (node marks), and new lines are spliced into the
/// original text in the file's own indentation; every other line stays byte for byte.
/// Each edit returns the new text; the caller re-reads it to continue.
/// </summary>
internal sealed partial class RegsyncDocument
{
    private readonly List<string> _lines;
    private readonly string _eol;
    private readonly YamlMappingNode? _root;
    private readonly YamlScalarNode? _syncKey;
    private readonly YamlNode? _syncValue;

    public RegsyncDocument(string text)
    {
        Text = text;
        _lines = [.. text.Split('\n')];
        _eol = text.Contains("\r\n", StringComparison.Ordinal) ? "\r" : "";

        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        _root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        IEnumerable<KeyValuePair<YamlNode, YamlNode>> topLevel = _root is null ? [] : _root.Children;
        foreach (var (key, value) in topLevel)
        {
            if (key is YamlScalarNode { Value: "sync" } syncKey)
            {
                (_syncKey, _syncValue) = (syncKey, value);
            }
        }

        Entries = _syncValue is YamlSequenceNode { Style: not YamlDotNet.Core.Events.SequenceStyle.Flow } list
            ? [.. list.Children.Select(item => Span(list, item))]
            : [];
    }

    public string Text { get; }

    /// <summary>Column (from 0) of the <c>sync</c> key; 0 when there is none.</summary>
    public int SyncKeyColumn => _syncKey is null ? 0 : (int)_syncKey.Start.Column - 1;

    /// <summary>The sync items in file order, with the lines each one spans.</summary>
    public IReadOnlyList<EntrySpan> Entries { get; }

    /// <summary>Appends an entry after the last one (creating the sync list when needed).</summary>
    public string Add(SyncEntrySpec spec)
    {
        var style = IndentStyle.Detect(this);
        var block = RenderEntry(spec, style);

        if (Entries.Count > 0)
        {
            return Insert(Entries[^1].LastLine, block);
        }

        if (_syncValue is YamlSequenceNode { Children.Count: > 0 })
        {
            throw new SyncManageException("the sync list is written in flow style ([...]); edit it by hand");
        }

        if (_syncKey is null)
        {
            var lastContent = _lines.FindLastIndex(l => l.Trim().Length > 0) + 1;
            return Insert(lastContent, ["sync:" + _eol, .. block]);
        }

        // "sync:" with no value, or "sync: []": the list starts on the next line.
        var keyLine = (int)_syncKey.Start.Line;
        var line = _lines[keyLine - 1];
        var colon = line.IndexOf(':', (int)_syncKey.End.Column - 1);
        var rest = line[(colon + 1)..];
        var comment = rest.IndexOf('#');
        var keep = comment >= 0 ? " " + rest[comment..].TrimEnd('\r') : "";
        var lines = new List<string>(_lines) { [keyLine - 1] = line[..(colon + 1)] + keep + _eol };
        return Join(lines.Take(keyLine).Concat(block).Concat(lines.Skip(keyLine)));
    }

    /// <summary>Deletes the entry's lines (comments on other lines stay).</summary>
    public string Remove(int index)
    {
        var span = Entries[index];
        return Join(_lines.Take(span.FirstLine - 1).Concat(_lines.Skip(span.LastLine)));
    }

    private EntrySpan Span(YamlSequenceNode list, YamlNode item)
    {
        var dashColumn = (int)list.Start.Column - 1;
        var first = (int)item.Start.Line;
        while (first > 1 && !IsDashLine(_lines[first - 1], dashColumn))
        {
            first--;
        }

        var last = LastLine(item, (int)item.Start.Line);
        while (last > first && _lines[last - 1].Trim().Length == 0)
        {
            last--;
        }

        var keyColumn = item is YamlMappingNode { Children.Count: > 0 } map
            ? (int)map.Children.First().Key.Start.Column - 1
            : dashColumn + 2;
        return new EntrySpan(item, first, last, dashColumn, keyColumn);
    }

    private static bool IsDashLine(string line, int column) =>
        line.Length > column && line[column] == '-' && line[..column].Trim().Length == 0;

    /// <summary>The last line holding part of the node. Alias targets (defined before the node)
    /// are not followed.</summary>
    internal static int LastLine(YamlNode node, int notBefore)
    {
        if (node.Start.Line < notBefore)
        {
            return 0;
        }

        var endsAtLineStart = node.End.Column == 1 && node.End.Line > node.Start.Line;
        var last = (int)(endsAtLineStart ? node.End.Line - 1 : node.End.Line);
        var children = node switch
        {
            YamlMappingNode map => map.Children.SelectMany(c => new[] { c.Key, c.Value }),
            YamlSequenceNode seq => seq.Children,
            _ => [],
        };

        foreach (var child in children)
        {
            last = Math.Max(last, LastLine(child, notBefore));
        }

        return last;
    }

    private string Insert(int afterLine, IEnumerable<string> block) =>
        Join(_lines.Take(afterLine).Concat(block).Concat(_lines.Skip(afterLine)));

    private string Join(IEnumerable<string> lines) => string.Join('\n', lines);
}
