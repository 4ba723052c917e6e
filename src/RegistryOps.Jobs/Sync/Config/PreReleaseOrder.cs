using System.Globalization;

namespace RegistryOps.Jobs.Sync.Config;

/// <summary>
/// Orders pre-release suffixes as regsync does: dot-separated identifiers compared in turn, each
/// one as alternating runs of letters and numbers (so <c>rc2</c> &lt; <c>rc10</c> and
/// <c>alpine3.19</c> &lt; <c>alpine3.21</c>); with equal leading identifiers, fewer sorts first.
/// </summary>
internal static class PreReleaseOrder
{
    public static int Compare(string a, string b)
    {
        var left = a.Split('.');
        var right = b.Split('.');
        var shared = Math.Min(left.Length, right.Length);
        for (var i = 0; i < shared; i++)
        {
            var byIdentifier = CompareIdentifier(left[i], right[i]);
            if (byIdentifier != 0)
            {
                return byIdentifier;
            }
        }

        return Math.Sign(left.Length - right.Length);
    }

    private static int CompareIdentifier(string a, string b)
    {
        while (a.Length > 0 && b.Length > 0)
        {
            var (textA, numberA, restA) = NextRun(a);
            var (textB, numberB, restB) = NextRun(b);

            var byText = string.CompareOrdinal(textA, textB);
            if (byText != 0)
            {
                return Math.Sign(byText);
            }

            var hasA = long.TryParse(numberA, NumberStyles.None, CultureInfo.InvariantCulture, out var na);
            var hasB = long.TryParse(numberB, NumberStyles.None, CultureInfo.InvariantCulture, out var nb);
            if (!hasA || !hasB)
            {
                // Text without a number sorts before text followed by one.
                return hasA == hasB ? 0 : hasA ? 1 : -1;
            }

            if (na != nb)
            {
                return na < nb ? -1 : 1;
            }

            (a, b) = (restA, restB);
        }

        return a.Length > 0 ? 1 : b.Length > 0 ? -1 : 0;
    }

    /// <summary>Leading non-digits, the digits after them, and what follows.</summary>
    private static (string Text, string Number, string Remainder) NextRun(string s)
    {
        var digitsStart = 0;
        while (digitsStart < s.Length && !char.IsAsciiDigit(s[digitsStart]))
        {
            digitsStart++;
        }

        var digitsEnd = digitsStart;
        while (digitsEnd < s.Length && char.IsAsciiDigit(s[digitsEnd]))
        {
            digitsEnd++;
        }

        return (s[..digitsStart], s[digitsStart..digitsEnd], s[digitsEnd..]);
    }
}
