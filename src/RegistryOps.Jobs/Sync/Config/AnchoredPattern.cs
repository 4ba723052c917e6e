using System.Text.RegularExpressions;

namespace RegistryOps.Jobs.Sync.Config;

/// <summary>
/// A tag or repository regex as regsync applies it: it must match the whole name. regsync pastes
/// <c>^</c> and <c>$</c> around the text, which leaves an alternation such as <c>a|b</c> anchored on
/// one side only; the pattern is wrapped in a group here so every branch is anchored at both ends.
/// </summary>
public static class AnchoredPattern
{
    /// <summary>Guards against a pathological pattern; tags are short, so this is generous.</summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>Compiles a pattern; throws <see cref="ArgumentException"/> when it is not a valid
    /// regex.</summary>
    public static Regex Compile(string pattern) =>
        new("^(?:" + pattern + ")$", RegexOptions.CultureInvariant, MatchTimeout);

    public static bool TryCompile(string pattern, out Regex regex, out string error)
    {
        try
        {
            // A stray ")" would close the wrapping group early; compile it alone first.
            _ = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
            regex = Compile(pattern);
            error = "";
            return true;
        }
        catch (ArgumentException ex)
        {
            regex = null!;
            error = ex is RegexParseException parse ? parse.Error.ToString() : ex.Message;
            return false;
        }
    }
}
