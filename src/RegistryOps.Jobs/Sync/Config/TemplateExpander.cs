using System.Text;

namespace RegistryOps.Jobs.Sync.Config;

/// <summary>
/// Expands the Go-template actions regsync files use in values: <c>{{ file "PATH" }}</c> (the
/// file's contents, one trailing newline removed) and <c>{{ env "NAME" }}</c>, with any spacing
/// and <c>{{-</c>/<c>-}}</c> trim markers, several per value. Unlike regsync, a file that cannot be
/// read or a variable that is not set is an error, never an empty string. Any other action
/// (another function, a pipeline, <c>.Sync.Source</c>) is not evaluated: the value is kept as
/// written and reported as unsupported. A relative PATH is taken from the regsync file's folder.
/// With <paramref name="resolve"/> false, file and env actions are checked but not evaluated (the
/// value is kept as written): the entry commands validate a file's shape without its secrets.
/// </summary>
internal sealed class TemplateExpander(
    Func<string, string?> getEnvironment,
    string baseDirectory,
    bool resolve = true)
{
    public TemplateExpansion Expand(string value)
    {
        if (!value.Contains("{{", StringComparison.Ordinal))
        {
            return new TemplateExpansion(value, [], [], []);
        }

        if (!TemplateAction.TrySplit(value, out var pieces, out var splitError))
        {
            return new TemplateExpansion(value, [splitError], [], []);
        }

        var unsupported = pieces.Where(p => p.IsAction && p.Function is null).Select(p => p.Name).ToList();
        if (unsupported.Count > 0)
        {
            return new TemplateExpansion(value, [], unsupported, []);
        }

        if (!resolve)
        {
            var written = pieces.Where(p => p.IsAction).Select(p => $"{p.Function}:{p.Argument}").ToList();
            return new TemplateExpansion(value, [], [], written);
        }

        var text = new StringBuilder();
        var errors = new List<string>();
        var sources = new List<string>();
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            if (!piece.IsAction)
            {
                var literal = piece.Text;
                literal = i > 0 && pieces[i - 1].TrimAfter ? literal.TrimStart() : literal;
                literal = i + 1 < pieces.Count && pieces[i + 1].TrimBefore ? literal.TrimEnd() : literal;
                text.Append(literal);
                continue;
            }

            var resolved = Resolve(piece, errors);
            if (resolved is not null)
            {
                text.Append(resolved);
                sources.Add($"{piece.Function}:{piece.Argument}");
            }
        }

        return errors.Count > 0
            ? new TemplateExpansion(value, errors, [], sources)
            : new TemplateExpansion(text.ToString(), [], [], sources);
    }

    private string? Resolve(TemplateAction action, List<string> errors)
    {
        if (action.Function == "env")
        {
            var found = getEnvironment(action.Argument);
            if (found is null)
            {
                errors.Add($"environment variable {action.Argument} is not set ({action.Canonical})");
            }

            return found;
        }

        var path = Path.Combine(baseDirectory, action.Argument);
        try
        {
            var contents = File.ReadAllText(path);
            return contents.EndsWith("\r\n", StringComparison.Ordinal) ? contents[..^2]
                : contents.EndsWith('\n') ? contents[..^1]
                : contents;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException
            or ArgumentException or NotSupportedException)
        {
            // The exception text names the path and the reason, never the contents.
            errors.Add($"cannot read {action.Canonical}: {ex.Message}");
            return null;
        }
    }
}
