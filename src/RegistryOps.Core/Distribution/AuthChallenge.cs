using System.Text;

namespace RegistryOps.Core.Distribution;

/// <summary>
/// One WWW-Authenticate challenge: a scheme (Basic, Bearer) and its parameters, parsed as RFC 7235
/// says: quoted strings may hold commas and escaped quotes, names are case-insensitive.
/// </summary>
public sealed record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public string? this[string name] => Parameters.TryGetValue(name, out var value) ? value : null;

    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses every challenge in the header values; unparsable text is skipped.</summary>
    public static IReadOnlyList<AuthChallenge> ParseAll(IEnumerable<string> headerValues)
    {
        var challenges = new List<AuthChallenge>();
        foreach (var value in headerValues)
        {
            Parse(value, challenges);
        }

        return challenges;
    }

    private static void Parse(string text, List<AuthChallenge> into)
    {
        var position = 0;
        string? scheme = null;
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            SkipSeparators(text, ref position);
            if (position >= text.Length)
            {
                break;
            }

            var token = ReadToken(text, ref position);
            SkipSpaces(text, ref position);
            if (position < text.Length && text[position] == '=' && scheme is not null)
            {
                position++;
                SkipSpaces(text, ref position);
                parameters[token] = ReadValue(text, ref position);
                continue;
            }

            // A token not followed by '=' starts a new challenge.
            if (scheme is not null)
            {
                into.Add(new AuthChallenge(scheme, parameters));
                parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            }

            scheme = token.Length > 0 ? token : null;
            if (token.Length == 0)
            {
                position++;
            }
        }

        if (scheme is not null)
        {
            into.Add(new AuthChallenge(scheme, parameters));
        }
    }

    private static string ReadToken(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && text[position] is not (' ' or '\t' or ',' or '=' or '"'))
        {
            position++;
        }

        return text[start..position];
    }

    private static string ReadValue(string text, ref int position)
    {
        if (position >= text.Length || text[position] != '"')
        {
            return ReadToken(text, ref position);
        }

        position++;
        var value = new StringBuilder();
        while (position < text.Length && text[position] != '"')
        {
            if (text[position] == '\\' && position + 1 < text.Length)
            {
                position++;
            }

            value.Append(text[position]);
            position++;
        }

        position++;
        return value.ToString();
    }

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && text[position] is ' ' or '\t')
        {
            position++;
        }
    }

    private static void SkipSeparators(string text, ref int position)
    {
        while (position < text.Length && text[position] is ' ' or '\t' or ',')
        {
            position++;
        }
    }
}
