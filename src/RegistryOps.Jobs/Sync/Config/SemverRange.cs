namespace RegistryOps.Jobs.Sync.Config;

/// <summary>
/// One <c>semverRange</c> string. regsync parses it with its own small semver package (not
/// Masterminds/semver); this follows that package and adds the common Masterminds forms:
/// <list type="bullet">
/// <item>comparisons <c>=</c>, <c>!=</c>, <c>&gt;</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c>, a bare
/// version meaning <c>=</c>; a space after the operator is allowed;</item>
/// <item><c>^1.2.3</c> (&gt;=1.2.3 &lt;2.0.0; ^0.2.3 &lt;0.3.0; ^0.0.3 &lt;0.0.4) and <c>~1.2.3</c>
/// (&gt;=1.2.3 &lt;1.3.0; as in regsync, <c>~1</c> means &lt;1.1.0);</item>
/// <item><c>x</c>, <c>X</c> or <c>*</c> wildcards (<c>1.2.x</c>, <c>&gt;=1.x</c>, <c>*</c>);</item>
/// <item>spaces or commas between comparisons mean AND, <c>||</c> means OR.</item>
/// </list>
/// Not supported (reported as an error): hyphen ranges (<c>1.2 - 1.4</c>). Pre-release tags are
/// not excluded as Masterminds would: like regsync, <c>1.5.0-rc1</c> satisfies <c>&gt;=1.0.0</c>.
/// </summary>
public sealed class SemverRange
{
    private readonly IReadOnlyList<IReadOnlyList<Comparison>> _alternatives;

    private SemverRange(string text, IReadOnlyList<IReadOnlyList<Comparison>> alternatives)
    {
        Text = text;
        _alternatives = alternatives;
    }

    public string Text { get; }

    public bool IsSatisfiedBy(SemverVersion version) =>
        _alternatives.Any(all => all.All(c => c.Holds(version)));

    /// <summary>Parses a range; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string text, out SemverRange range, out string error)
    {
        range = null!;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "empty range";
            return false;
        }

        var alternatives = new List<IReadOnlyList<Comparison>>();
        foreach (var alternative in text.Split("||"))
        {
            var tokens = Tokens(alternative);
            if (tokens.Count == 0)
            {
                error = "empty alternative around ||";
                return false;
            }

            var comparisons = new List<Comparison>();
            foreach (var token in tokens)
            {
                if (!SemverRangeTerm.TryParse(token, comparisons, out error))
                {
                    return false;
                }
            }

            alternatives.Add(comparisons);
        }

        range = new SemverRange(text, alternatives);
        return true;
    }

    public static SemverRange Parse(string text) =>
        TryParse(text, out var range, out var error) ? range : throw new FormatException(error);

    public override string ToString() => Text;

    /// <summary>Splits on spaces and commas, joining an operator written apart from its version.</summary>
    private static List<string> Tokens(string alternative)
    {
        var raw = alternative.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
        var tokens = new List<string>();
        for (var i = 0; i < raw.Length; i++)
        {
            var isBareOperator = raw[i].All(c => c is '<' or '>' or '=' or '!' or '~' or '^');
            if (isBareOperator && i + 1 < raw.Length)
            {
                tokens.Add(raw[i] + raw[i + 1]);
                i++;
                continue;
            }

            tokens.Add(raw[i]);
        }

        return tokens;
    }

    internal sealed record Comparison(string Operator, SemverVersion Version)
    {
        public bool Holds(SemverVersion candidate)
        {
            var order = candidate.CompareTo(Version);
            return Operator switch
            {
                "=" => order == 0,
                "!=" => order != 0,
                ">" => order > 0,
                ">=" => order >= 0,
                "<" => order < 0,
                _ => order <= 0,
            };
        }
    }
}
