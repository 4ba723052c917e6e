using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace RegistryOps.Jobs.Sync.Config;

internal sealed partial class RegsyncFileParser
{
    private RawTagSet ReadTagSet(YamlNode node, string keyPath, bool allowSemver)
    {
        List<(string Value, YamlNode Node)> allow = [], deny = [], ranges = [];
        foreach (var (key, value) in ReadMapping(node, keyPath))
        {
            var path = $"{keyPath}.{key.Value}";
            switch (key.Value)
            {
                case "allow":
                    allow = ReadStringList(value, path);
                    break;
                case "deny":
                    deny = ReadStringList(value, path);
                    break;
                case "semverRange" when allowSemver:
                    ranges = ReadStringList(value, path);
                    break;
                default:
                    IgnoredKey(key, keyPath, new HashSet<string>());
                    break;
            }
        }

        var set = new TagSet(
            [.. allow.Select(a => a.Value)],
            [.. deny.Select(d => d.Value)],
            [.. ranges.Select(r => r.Value)]);
        return new RawTagSet(
            set,
            node,
            [.. allow.Select(a => a.Node)],
            [.. deny.Select(d => d.Node)],
            [.. ranges.Select(r => r.Node)]);
    }

    private List<RawTagSet> ReadTagSets(YamlNode node, string keyPath)
    {
        if (YamlNodes.IsNull(node))
        {
            return [];
        }

        if (node is not YamlSequenceNode list)
        {
            _sink.Error(node.Start, keyPath, "must be a list of tag filters (allow, deny, semverRange)");
            return [];
        }

        return
        [
            .. list.Children.Select((item, i) => ReadTagSet(item, $"{keyPath}[{i}]", allowSemver: true)),
        ];
    }

    private bool CompileTags(RawEntry raw, string path, out TagFilter filter)
    {
        var sets = new List<FilterSet>();
        var valid = true;
        for (var i = 0; i < raw.TagSets.Count; i++)
        {
            valid &= CompileSet(raw.TagSets[i], $"{path}.tagSets[{i}]", out var set);
            sets.Add(set);
        }

        if (!raw.Tags.Set.IsEmpty)
        {
            valid &= CompileSet(raw.Tags, $"{path}.tags", out var set);
            sets.Add(set);
        }

        filter = valid ? new TagFilter(sets) : TagFilter.All;
        return valid;
    }

    /// <summary>Compiles every range and pattern, reporting each bad one where it is written.</summary>
    private bool CompileSet(RawTagSet raw, string path, out FilterSet filter)
    {
        var valid = true;
        var ranges = new List<SemverRange>();
        for (var i = 0; i < raw.Set.SemverRange.Count; i++)
        {
            var text = raw.Set.SemverRange[i];
            if (SemverRange.TryParse(text, out var range, out var error))
            {
                ranges.Add(range);
                continue;
            }

            _sink.Error(
                raw.RangeNodes[i].Start, $"{path}.semverRange[{i}]", $"bad semver range '{text}': {error}");
            valid = false;
        }

        var allow = CompilePatterns(raw.Set.Allow, raw.AllowNodes, $"{path}.allow", ref valid);
        var deny = CompilePatterns(raw.Set.Deny, raw.DenyNodes, $"{path}.deny", ref valid);
        filter = valid ? new FilterSet(ranges, allow, deny) : FilterSet.All;
        return valid;
    }

    private List<Regex> CompilePatterns(
        IReadOnlyList<string> patterns, IReadOnlyList<YamlNode> nodes, string path, ref bool valid)
    {
        var compiled = new List<Regex>();
        for (var i = 0; i < patterns.Count; i++)
        {
            if (AnchoredPattern.TryCompile(patterns[i], out var regex, out var error))
            {
                compiled.Add(regex);
                continue;
            }

            _sink.Error(nodes[i].Start, $"{path}[{i}]", $"bad regex '{patterns[i]}': {error}");
            valid = false;
        }

        return compiled;
    }

    /// <summary>The entry's own values over the file's defaults over regsync's built-in ones.</summary>
    private static SyncEntry Effective(RawEntry raw, SyncOptionValues defaults)
    {
        var own = raw.Options;
        var ownTiming = own.Schedule is not null || own.Interval is not null;
        var retry = own.RateLimitRetry is { } r && r > TimeSpan.Zero
            ? r
            : defaults.RateLimitRetry ?? TimeSpan.Zero;
        var mediaTypes = own.MediaTypes is { Count: > 0 } ? own.MediaTypes
            : defaults.MediaTypes is { Count: > 0 } ? defaults.MediaTypes
            : RegsyncDefaults.MediaTypes;

        return new SyncEntry
        {
            File = "",
            Source = raw.Source!,
            Target = raw.Target!,
            Type = raw.Type!.Value,
            Tags = raw.Tags.Set,
            TagSets = [.. raw.TagSets.Select(s => s.Set)],
            Repos = raw.Repos.Set,
            Backup = own.Backup ?? defaults.Backup,
            Schedule = ownTiming ? own.Schedule : defaults.Schedule,
            ScheduleText = ownTiming ? own.ScheduleText : defaults.ScheduleText,
            Interval = ownTiming ? own.Interval : defaults.Schedule is null ? defaults.Interval : null,
            RateLimitMin = own.RateLimitMin is > 0 ? own.RateLimitMin.Value : defaults.RateLimitMin ?? 0,
            RateLimitRetry = retry < RegsyncDefaults.RateLimitRetryMin
                ? RegsyncDefaults.RateLimitRetryMin
                : retry,
            MediaTypes = mediaTypes,
            Platform = own.Platform ?? defaults.Platform,
            Platforms = own.Platforms ?? defaults.Platforms ?? [],
            DigestTags = own.DigestTags ?? defaults.DigestTags ?? false,
            FastCheck = own.FastCheck ?? defaults.FastCheck ?? false,
            ForceRecursive = own.ForceRecursive ?? defaults.ForceRecursive ?? false,
        };
    }
}
