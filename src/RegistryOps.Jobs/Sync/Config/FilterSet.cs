using System.Text.RegularExpressions;

namespace RegistryOps.Jobs.Sync.Config;

/// <summary>
/// A compiled <see cref="TagSet"/>, applied in regsync's order: semverRange first (a tag that is not a
/// version drops out; the ranges are alternatives), then allow (no allow keeps all), then deny.
/// </summary>
public sealed class FilterSet
{
    private readonly IReadOnlyList<SemverRange> _ranges;
    private readonly IReadOnlyList<Regex> _allow;
    private readonly IReadOnlyList<Regex> _deny;

    public FilterSet(IReadOnlyList<SemverRange> ranges, IReadOnlyList<Regex> allow, IReadOnlyList<Regex> deny)
    {
        _ranges = ranges;
        _allow = allow;
        _deny = deny;
    }

    /// <summary>The set that keeps every name.</summary>
    public static FilterSet All { get; } = new([], [], []);

    public bool IsEmpty => _ranges.Count == 0 && _allow.Count == 0 && _deny.Count == 0;

    /// <summary>Compiles a set; throws <see cref="FormatException"/> on a bad range or pattern (the
    /// reader validates each one with its location first).</summary>
    public static FilterSet Create(TagSet set)
    {
        var ranges = set.SemverRange.Where(r => r.Length > 0).Select(SemverRange.Parse).ToList();
        return new FilterSet(ranges, Compile(set.Allow), Compile(set.Deny));
    }

    public bool Keeps(string name)
    {
        if (_ranges.Count > 0)
        {
            if (!SemverVersion.TryParse(name, out var version) || !_ranges.Any(r => r.IsSatisfiedBy(version)))
            {
                return false;
            }
        }

        if (_allow.Count > 0 && !_allow.Any(r => r.IsMatch(name)))
        {
            return false;
        }

        return !_deny.Any(r => r.IsMatch(name));
    }

    private static List<Regex> Compile(IReadOnlyList<string> patterns) =>
        [.. patterns.Select(p => AnchoredPattern.TryCompile(p, out var regex, out var error)
            ? regex
            : throw new FormatException($"invalid regex '{p}': {error}"))];
}
