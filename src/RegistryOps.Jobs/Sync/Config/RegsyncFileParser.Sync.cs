using YamlDotNet.RepresentationModel;

namespace RegistryOps.Jobs.Sync.Config;

internal sealed partial class RegsyncFileParser
{
    private List<SyncEntry> ReadSync(YamlNode node, SyncOptionValues defaults)
    {
        if (YamlNodes.IsNull(node))
        {
            return [];
        }

        if (node is not YamlSequenceNode list)
        {
            _sink.Error(node.Start, "sync", "must be a list of sync entries");
            return [];
        }

        var entries = new List<SyncEntry>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (ReadEntry(list.Children[i], i, defaults) is { } entry)
            {
                entries.Add(entry);
            }
        }

        WarnDuplicates(entries, list);
        return entries;
    }

    private SyncEntry? ReadEntry(YamlNode node, int index, SyncOptionValues defaults)
    {
        var path = $"sync[{index}]";
        var raw = new RawEntry();
        _unresolvedTemplate = false;

        foreach (var (key, value) in ReadMapping(node, path))
        {
            var keyPath = $"{path}.{key.Value}";
            var known = TryReadEntryKey(key.Value!, value, keyPath, raw)
                || TryReadOption(key, value, keyPath, raw.Options);
            if (!known)
            {
                IgnoredKey(key, path, NotImplementedOptions);
            }
        }

        var valid = CheckRequired(node, path, raw);
        var tags = CompileTags(raw, path, out var tagFilter);
        var repos = CompileSet(raw.Repos, $"{path}.repos", out var repoFilter);
        if (!valid || !tags || !repos)
        {
            return null;
        }

        WarnUnusedFilters(raw, path);
        return Effective(raw, defaults) with
        {
            File = _path,
            Index = index,
            Line = (int)node.Start.Line,
            Column = (int)node.Start.Column,
            TagFilter = tagFilter,
            RepoFilter = repoFilter,
            HasUnresolvedTemplate = _unresolvedTemplate,
        };
    }

    private bool TryReadEntryKey(string key, YamlNode value, string keyPath, RawEntry raw)
    {
        switch (key)
        {
            case "source":
                raw.Source = ExpandedString(value, keyPath);
                raw.SourceNode = value;
                return true;
            case "target":
                raw.Target = ExpandedString(value, keyPath);
                raw.TargetNode = value;
                return true;
            case "type":
                raw.Type = ReadType(value, keyPath);
                raw.TypeNode = value;
                return true;
            case "tags":
                raw.Tags = ReadTagSet(value, keyPath, allowSemver: true);
                return true;
            case "tagSets":
                raw.TagSets = ReadTagSets(value, keyPath);
                return true;
            case "repos":
                raw.Repos = ReadTagSet(value, keyPath, allowSemver: false);
                return true;
            default:
                return false;
        }
    }

    private bool CheckRequired(YamlNode node, string path, RawEntry raw)
    {
        var valid = true;
        if (string.IsNullOrWhiteSpace(raw.Source))
        {
            _sink.Error((raw.SourceNode ?? node).Start, $"{path}.source", "source is required");
            valid = false;
        }

        if (string.IsNullOrWhiteSpace(raw.Target))
        {
            _sink.Error((raw.TargetNode ?? node).Start, $"{path}.target", "target is required");
            valid = false;
        }

        if (raw.Type is null && raw.TypeNode is null)
        {
            _sink.Error(node.Start, $"{path}.type", "type is required: image, repository or registry");
        }

        return valid && raw.Type is not null;
    }

    private SyncType? ReadType(YamlNode value, string keyPath)
    {
        var text = ReadString(value, keyPath);
        switch (text)
        {
            case "image":
                return SyncType.Image;
            case "repository":
                return SyncType.Repository;
            case "registry":
                return SyncType.Registry;
            default:
                _sink.Error(
                    value.Start, keyPath, $"'{text}' is not a sync type: image, repository or registry");
                return null;
        }
    }

    private void WarnUnusedFilters(RawEntry raw, string path)
    {
        var hasTagFilters = raw.Tags.Set.IsEmpty is false || raw.TagSets.Count > 0;
        if (raw.Type == SyncType.Image && hasTagFilters)
        {
            _sink.Warning(raw.TypeNode!.Start, path, "tags and tagSets are ignored for type image");
        }

        if (raw.Type != SyncType.Registry && !raw.Repos.Set.IsEmpty)
        {
            _sink.Warning(raw.Repos.Node!.Start, $"{path}.repos", "repos is used only by type registry");
        }
    }

    private void WarnDuplicates(List<SyncEntry> entries, YamlSequenceNode list)
    {
        foreach (var group in entries.GroupBy(e => (e.Source, e.Target)).Where(g => g.Count() > 1))
        {
            foreach (var duplicate in group.Skip(1))
            {
                var first = group.First();
                _sink.Warning(list.Children[duplicate.Index].Start, $"sync[{duplicate.Index}]",
                    $"same source and target as the entry at line {first.Line}");
            }
        }
    }
}
