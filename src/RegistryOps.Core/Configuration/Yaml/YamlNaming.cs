using System.Text;

namespace RegistryOps.Core.Configuration.Yaml;

/// <summary>How YAML keys are spelled for a C# property name.</summary>
internal enum YamlNaming
{
    /// <summary><c>MinInterval</c> is <c>min_interval</c> (RegistryOps' own files).</summary>
    SnakeCase,

    /// <summary><c>MinInterval</c> is <c>minInterval</c> (files of tools such as regsync).</summary>
    CamelCase,
}

internal static class YamlNames
{
    public static string KeyFor(string propertyName, YamlNaming naming) => naming switch
    {
        YamlNaming.CamelCase => char.ToLowerInvariant(propertyName[0]) + propertyName[1..],
        _ => ToSnakeCase(propertyName),
    };

    /// <summary><c>CaFile</c> to <c>ca_file</c>; a run of capitals is one word, so
    /// <c>HTTPServer</c> becomes <c>http_server</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                var previous = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    builder.Append('_');
                }
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>The candidate closest to <paramref name="name"/> by edit distance, when it is
    /// close enough to be a likely typo; otherwise null.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;

        foreach (var candidate in candidates)
        {
            var distance = EditDistance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        var allowed = Math.Max(2, name.Length / 3);
        return bestDistance <= allowed ? best : null;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
