using RegistryOps.Jobs.Sync.Config;
using YamlDotNet.RepresentationModel;

namespace RegistryOps.Jobs.Sync.Manage;

internal sealed partial class RegsyncDocument
{
    /// <summary>Sets a single-value key of an entry. A value on the key's line is replaced in place
    /// (a comment after it stays); a missing key is added after the entry's last line.</summary>
    public string SetScalar(int index, string key, string value)
    {
        var span = Entries[index];
        var rendered = YamlText.Scalar(value);
        if (FindOwnKey(span, key) is not var (keyNode, valueNode))
        {
            return Insert(span.LastLine, [$"{new string(' ', span.KeyColumn)}{key}: {rendered}{_eol}"]);
        }

        var lineIndex = (int)keyNode.Start.Line - 1;
        var singleLine = valueNode is YamlScalarNode
            && valueNode.Start.Line == keyNode.Start.Line
            && valueNode.End.Line == keyNode.Start.Line
            && valueNode.End.Column > valueNode.Start.Column;
        if (singleLine)
        {
            var line = _lines[lineIndex];
            var from = (int)valueNode.Start.Column - 1;
            var to = (int)valueNode.End.Column - 1;
            var lines = new List<string>(_lines) { [lineIndex] = line[..from] + rendered + line[to..] };
            return Join(lines);
        }

        var prefix = _lines[lineIndex][..((int)keyNode.Start.Column - 1)];
        var last = Math.Max(lineIndex + 1, LastLine(valueNode, (int)keyNode.Start.Line));
        return Replace(lineIndex + 1, last, [$"{prefix}{key}: {rendered}{_eol}"]);
    }

    /// <summary>Replaces the entry's <c>tags</c> block (comments inside it are not kept), adds one
    /// after the entry's last line, or removes it when <paramref name="tags"/> filters nothing.</summary>
    public string SetTags(int index, TagSet tags)
    {
        var span = Entries[index];
        var style = IndentStyle.Detect(this);
        if (FindOwnKey(span, "tags") is not var (keyNode, valueNode))
        {
            return tags.IsEmpty ? Text : Insert(span.LastLine, RenderTags(tags, span.KeyColumn, style));
        }

        var lineIndex = (int)keyNode.Start.Line - 1;
        var prefix = _lines[lineIndex][..((int)keyNode.Start.Column - 1)];
        var block = RenderTags(tags, (int)keyNode.Start.Column - 1, style);
        if (block.Count > 0)
        {
            block[0] = prefix + block[0].TrimStart();
        }

        var last = Math.Max((int)keyNode.Start.Line, LastLine(valueNode, (int)keyNode.Start.Line));
        return Replace(lineIndex + 1, last, block);
    }

    private (YamlScalarNode Key, YamlNode Value)? FindOwnKey(EntrySpan span, string key)
    {
        if (span.Node is not YamlMappingNode map)
        {
            throw new SyncManageException($"the entry at line {span.FirstLine} is not a mapping");
        }

        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: var name } scalar && name == key)
            {
                return (scalar, v);
            }
        }

        return null;
    }

    private string Replace(int firstLine, int lastLine, IEnumerable<string> block) =>
        Join(_lines.Take(firstLine - 1).Concat(block).Concat(_lines.Skip(lastLine)));

    private List<string> RenderEntry(SyncEntrySpec spec, IndentStyle style)
    {
        var keys = new string(' ', style.KeyColumn);
        var lines = new List<string>
        {
            $"{new string(' ', style.DashColumn)}-{new string(' ', style.KeyColumn - style.DashColumn - 1)}"
                + $"source: {YamlText.Scalar(spec.Source)}{_eol}",
            $"{keys}target: {YamlText.Scalar(spec.Target)}{_eol}",
            $"{keys}type: {YamlText.TypeName(spec.Type)}{_eol}",
        };
        lines.AddRange(RenderTags(spec.Tags, style.KeyColumn, style));
        return lines;
    }

    private List<string> RenderTags(TagSet tags, int column, IndentStyle style)
    {
        if (tags.IsEmpty)
        {
            return [];
        }

        var lines = new List<string> { $"{new string(' ', column)}tags:{_eol}" };
        var keyIndent = new string(' ', column + style.Step);
        var itemIndent = new string(' ', column + style.Step + style.SequenceOffset);
        var groups = new[] { ("allow", tags.Allow), ("deny", tags.Deny), ("semverRange", tags.SemverRange) };
        foreach (var (name, values) in groups)
        {
            if (values.Count == 0)
            {
                continue;
            }

            lines.Add($"{keyIndent}{name}:{_eol}");
            lines.AddRange(values.Select(v => $"{itemIndent}- {YamlText.Quoted(v)}{_eol}"));
        }

        return lines;
    }
}
