namespace RegistryOps.Jobs.Sync.Config;

/// <summary>Turns one term of a semver range (<c>&gt;=1.2</c>, <c>^1.4.0</c>, <c>1.x</c>) into
/// comparisons.</summary>
internal static class SemverRangeTerm
{
    private static readonly string[] Operators = [">=", "<=", "!=", ">", "<", "=", "^", "~"];

    public static bool TryParse(string term, List<SemverRange.Comparison> into, out string error)
    {
        error = "";
        var op = Operators.FirstOrDefault(term.StartsWith) ?? "=";
        var versionText = term.StartsWith(op, StringComparison.Ordinal) ? term[op.Length..] : term;
        if (versionText.StartsWith('v'))
        {
            versionText = versionText[1..];
        }

        var (prefix, wildcard) = SplitWildcard(versionText);
        if (wildcard)
        {
            return AddWildcard(op, prefix, into, term, out error);
        }

        if (!SemverVersion.TryParse(versionText, out var version))
        {
            error = versionText == "-"
                ? "hyphen ranges (A - B) are not supported; write >=A <=B"
                : $"'{term}' is not a version comparison";
            return false;
        }

        switch (op)
        {
            case "^":
                into.Add(new(">=", version));
                into.Add(new("<", CaretCeiling(version)));
                break;
            case "~":
                into.Add(new(">=", version));
                into.Add(new("<", SemverVersion.FromParts(version.Part(0), version.Part(1) + 1, 0)));
                break;
            default:
                into.Add(new(op, version));
                break;
        }

        return true;
    }

    private static SemverVersion CaretCeiling(SemverVersion v)
    {
        if (v.Part(0) > 0)
        {
            return SemverVersion.FromParts(v.Part(0) + 1, 0, 0);
        }

        return v.Part(1) > 0
            ? SemverVersion.FromParts(0, v.Part(1) + 1, 0)
            : SemverVersion.FromParts(0, 0, v.Part(2) + 1);
    }

    /// <summary>The concrete leading numbers and whether a wildcard part followed them.</summary>
    private static (int[] Prefix, bool Wildcard) SplitWildcard(string text)
    {
        var parts = text.Split('.');
        var prefix = new List<int>();
        foreach (var part in parts)
        {
            if (part is "x" or "X" or "*")
            {
                return ([.. prefix], true);
            }

            if (!int.TryParse(part, out var n) || !part.All(char.IsAsciiDigit))
            {
                return ([], false);
            }

            prefix.Add(n);
        }

        return ([], false);
    }

    private static bool AddWildcard(
        string op, int[] prefix, List<SemverRange.Comparison> into, string term, out string error)
    {
        error = "";
        if (prefix.Length == 0)
        {
            // "*", ">=x": any version; "<x" or "!=*" would match nothing, which is surely a typo.
            if (op is "<" or ">" or "!=")
            {
                error = $"'{term}' matches no version";
                return false;
            }

            return true;
        }

        var floor = SemverVersion.FromParts(prefix);
        var ceilingParts = (int[])prefix.Clone();
        ceilingParts[^1]++;
        var ceiling = SemverVersion.FromParts(ceilingParts);

        switch (op)
        {
            case "=" or "^" or "~":
                into.Add(new(">=", floor));
                var caretMajor = op == "^" && prefix[0] > 0;
                into.Add(new("<", caretMajor ? SemverVersion.FromParts(prefix[0] + 1) : ceiling));
                break;
            case ">=":
                into.Add(new(">=", floor));
                break;
            case ">":
                into.Add(new(">=", ceiling));
                break;
            case "<":
                into.Add(new("<", floor));
                break;
            case "<=":
                into.Add(new("<", ceiling));
                break;
            default:
                error = $"'{term}': != with a wildcard is not supported";
                return false;
        }

        return true;
    }
}
