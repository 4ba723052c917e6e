using System.Text;

namespace RegistryOps.Core.Logging;

/// <summary>
/// Turns a log property name into a journal field name. journald keeps a field only when its
/// name is upper-case ASCII letters, digits and underscores, does not start with an underscore
/// (those are the trusted fields journald adds itself) or a digit, and is at most 64 characters;
/// anything else is silently dropped, so names are converted here rather than trusted.
/// </summary>
public static class JournalFieldName
{
    public const int MaxLength = 64;

    /// <summary>True when journald accepts <paramref name="name"/> as a field name from a client.</summary>
    public static bool IsValid(string name)
    {
        if (name.Length is 0 or > MaxLength || name[0] == '_' || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// PascalCase or camelCase to SCREAMING_SNAKE_CASE: <c>RunId</c> → <c>RUN_ID</c>,
    /// <c>HTTPStatus</c> → <c>HTTP_STATUS</c>, <c>repo.name</c> → <c>REPO_NAME</c>.
    /// Returns null when nothing usable is left.
    /// </summary>
    public static string? FromPropertyName(string name)
    {
        var builder = new StringBuilder(name.Length + 8);

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                AppendSeparator(builder);
                continue;
            }

            if (char.IsAsciiLetterUpper(c) && i > 0 && StartsWord(name, i))
            {
                AppendSeparator(builder);
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        var result = builder.ToString().TrimEnd('_');
        var start = 0;
        while (start < result.Length && (result[start] == '_' || char.IsAsciiDigit(result[start])))
        {
            start++;
        }

        result = result[start..];
        if (result.Length > MaxLength)
        {
            result = result[..MaxLength].TrimEnd('_');
        }

        return result.Length == 0 ? null : result;
    }

    // An upper-case letter starts a new word after a lower-case letter or a digit ("runId"),
    // or as the last capital of an acronym followed by a lower-case letter ("HTTPStatus").
    private static bool StartsWord(string name, int i)
    {
        var previous = name[i - 1];
        if (char.IsAsciiLetterLower(previous) || char.IsAsciiDigit(previous))
        {
            return true;
        }

        return char.IsAsciiLetterUpper(previous)
            && i + 1 < name.Length
            && char.IsAsciiLetterLower(name[i + 1]);
    }

    private static void AppendSeparator(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[^1] != '_')
        {
            builder.Append('_');
        }
    }
}
