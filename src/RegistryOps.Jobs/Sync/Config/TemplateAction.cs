namespace RegistryOps.Jobs.Sync.Config;

/// <summary>One piece of a templated value: literal text or a parsed <c>{{ … }}</c> action.</summary>
internal sealed record TemplateAction
{
    public bool IsAction { get; init; }

    /// <summary>Literal text (for a literal piece).</summary>
    public string Text { get; init; } = "";

    /// <summary><c>file</c> or <c>env</c> when the action is one this reader evaluates; else null.</summary>
    public string? Function { get; init; }

    /// <summary>What the action starts with (a function or field name), for messages.</summary>
    public string Name { get; init; } = "";

    public string Argument { get; init; } = "";

    public bool TrimBefore { get; init; }

    public bool TrimAfter { get; init; }

    /// <summary>The action in a normal spelling, e.g. <c>{{ file "/run/secrets/hub" }}</c>.</summary>
    public string Canonical => $"{{{{ {Function} \"{Argument}\" }}}}";

    /// <summary>Splits a value into literal and action pieces; fails on an unclosed action.</summary>
    public static bool TrySplit(string value, out List<TemplateAction> pieces, out string error)
    {
        pieces = [];
        error = "";
        var at = 0;
        while (at < value.Length)
        {
            var open = value.IndexOf("{{", at, StringComparison.Ordinal);
            if (open < 0)
            {
                pieces.Add(new TemplateAction { Text = value[at..] });
                break;
            }

            if (open > at)
            {
                pieces.Add(new TemplateAction { Text = value[at..open] });
            }

            var close = FindClose(value, open + 2);
            if (close < 0)
            {
                error = "template action '{{' is not closed with '}}'";
                return false;
            }

            pieces.Add(ParseAction(value[(open + 2)..close]));
            at = close + 2;
        }

        return true;
    }

    /// <summary>The "}}" that ends the action, skipping any inside a quoted string.</summary>
    private static int FindClose(string value, int from)
    {
        var quote = '\0';
        for (var i = from; i < value.Length; i++)
        {
            var c = value[i];
            if (quote != '\0')
            {
                if (c == '\\' && quote == '"')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            if (c is '"' or '`')
            {
                quote = c;
            }
            else if (c == '}' && i + 1 < value.Length && value[i + 1] == '}')
            {
                return i;
            }
        }

        return -1;
    }

    private static TemplateAction ParseAction(string inner)
    {
        var trimBefore = inner.Length >= 2 && inner[0] == '-' && char.IsWhiteSpace(inner[1]);
        var trimAfter = inner.Length >= 2 && inner[^1] == '-' && char.IsWhiteSpace(inner[^2]);
        var body = inner[(trimBefore ? 1 : 0)..(inner.Length - (trimAfter ? 1 : 0))].Trim();

        var nameEnd = 0;
        while (nameEnd < body.Length
            && !char.IsWhiteSpace(body[nameEnd])
            && body[nameEnd] is not '"' and not '`')
        {
            nameEnd++;
        }

        var name = body[..nameEnd];
        var action = new TemplateAction
        {
            IsAction = true,
            Name = name.Length > 0 ? name : "(empty)",
            TrimBefore = trimBefore,
            TrimAfter = trimAfter,
        };

        var rest = body[nameEnd..].Trim();
        if (name is "file" or "env" && TryReadString(rest, out var argument))
        {
            return action with { Function = name, Argument = argument };
        }

        return action;
    }

    /// <summary>Reads a whole Go string literal: "double quoted" with escapes, or `raw`.</summary>
    private static bool TryReadString(string text, out string value)
    {
        value = "";
        if (text.Length < 2 || text[0] != text[^1] || text[0] is not '"' and not '`')
        {
            return false;
        }

        var inner = text[1..^1];
        if (text[0] == '`')
        {
            value = inner;
            return !inner.Contains('`');
        }

        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '"')
            {
                return false;
            }

            if (inner[i] == '\\' && i + 1 < inner.Length)
            {
                i++;
                sb.Append(inner[i] switch { 'n' => '\n', 't' => '\t', _ => inner[i] });
                continue;
            }

            sb.Append(inner[i]);
        }

        value = sb.ToString();
        return true;
    }
}
