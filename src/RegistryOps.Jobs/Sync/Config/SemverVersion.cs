using System.Globalization;

namespace RegistryOps.Jobs.Sync.Config;

/// <summary>
/// A tag read as a version the way regsync's semverRange does: an optional leading <c>v</c>, one
/// or more dot-separated numbers (<c>5</c>, <c>1.22</c>, <c>1.2.3.4</c>; missing parts count as
/// 0), then an optional <c>-suffix</c> that ranks as a pre-release. So <c>v2.0.0-alpine3.21</c>
/// sorts just below <c>2.0.0</c>, and <c>v5-scratch</c> below <c>5.0.0</c>.
/// </summary>
public sealed class SemverVersion : IComparable<SemverVersion>
{
    private readonly int[] _parts;

    private SemverVersion(int[] parts, string preRelease, string text)
    {
        _parts = parts;
        PreRelease = preRelease;
        Text = text;
    }

    /// <summary>The part after the first <c>-</c> (empty for a release).</summary>
    public string PreRelease { get; }

    public string Text { get; }

    public int Part(int index) => index < _parts.Length ? _parts[index] : 0;

    public int PartCount => _parts.Length;

    public static bool TryParse(string text, out SemverVersion version)
    {
        version = null!;
        var rest = text.StartsWith('v') ? text[1..] : text;

        var plus = rest.IndexOf('+');
        if (plus >= 0)
        {
            rest = rest[..plus];
        }

        var preRelease = "";
        var dash = rest.IndexOf('-');
        if (dash >= 0)
        {
            preRelease = rest[(dash + 1)..];
            rest = rest[..dash];
        }

        var pieces = rest.Split('.');
        var parts = new int[pieces.Length];
        for (var i = 0; i < pieces.Length; i++)
        {
            if (pieces[i].Length == 0 || !pieces[i].All(char.IsAsciiDigit)
                || !int.TryParse(pieces[i], NumberStyles.None, CultureInfo.InvariantCulture, out parts[i]))
            {
                return false;
            }
        }

        version = new SemverVersion(parts, preRelease, text);
        return true;
    }

    internal static SemverVersion FromParts(params int[] parts) => new(parts, "", string.Join('.', parts));

    public int CompareTo(SemverVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var length = Math.Max(_parts.Length, other._parts.Length);
        for (var i = 0; i < length; i++)
        {
            var byPart = Part(i).CompareTo(other.Part(i));
            if (byPart != 0)
            {
                return byPart;
            }
        }

        // A release outranks any pre-release of the same numbers.
        var mineIsRelease = PreRelease.Length == 0;
        var theirsIsRelease = other.PreRelease.Length == 0;
        if (mineIsRelease || theirsIsRelease)
        {
            return mineIsRelease == theirsIsRelease ? 0 : mineIsRelease ? 1 : -1;
        }

        return PreReleaseOrder.Compare(PreRelease, other.PreRelease);
    }

    public override string ToString() => Text;
}
