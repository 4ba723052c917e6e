using System.Globalization;
using Cronos;

namespace RegistryOps.Core.Configuration.Yaml;

/// <summary>The scalar types the binder knows without help: text, numbers, booleans, durations,
/// enums and cron expressions. Messages quote the scalar, so a type whose values are secret must
/// use a custom converter instead (see <see cref="YamlBinderOptions.Converters"/>).</summary>
internal static class YamlScalars
{
    public static bool IsScalar(Type type) =>
        type == typeof(string) || type == typeof(int) || type == typeof(long) || type == typeof(double)
        || type == typeof(bool) || type == typeof(TimeSpan) || type == typeof(CronExpression) || type.IsEnum;

    public static string Describe(Type type, YamlNaming naming)
    {
        if (type.IsEnum)
        {
            return "one of: " + string.Join(", ", EnumKeys(type, naming));
        }

        return type switch
        {
            _ when type == typeof(string) => "a string",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(double) => "a number",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(TimeSpan) => $"a duration such as {Durations.Examples}",
            _ when type == typeof(CronExpression) => "a cron expression",
            _ => type.Name,
        };
    }

    /// <summary>Converts <paramref name="text"/>; on failure <paramref name="error"/> says what
    /// was expected and what was found.</summary>
    public static bool TryConvert(
        string text,
        Type type,
        YamlNaming naming,
        out object? value,
        out string error)
    {
        value = null;
        error = "";
        var found = $"found '{text}'";
        var invariant = CultureInfo.InvariantCulture;

        if (type == typeof(string))
        {
            value = text;
            return true;
        }

        if (type == typeof(bool))
        {
            var ok = bool.TryParse(text, out var flag);
            value = flag;
            error = $"expected true or false, {found}";
            return ok;
        }

        if (type == typeof(int))
        {
            var ok = int.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var number);
            value = number;
            error = $"expected a whole number, {found}";
            return ok;
        }

        if (type == typeof(long))
        {
            var ok = long.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var number);
            value = number;
            error = $"expected a whole number, {found}";
            return ok;
        }

        if (type == typeof(double))
        {
            var ok = double.TryParse(text, NumberStyles.Float, invariant, out var number);
            value = number;
            error = $"expected a number, {found}";
            return ok;
        }

        if (type == typeof(TimeSpan))
        {
            var ok = Durations.TryParse(text, out var duration, out var detail);
            value = duration;
            error = $"{detail}; {found}";
            return ok;
        }

        if (type == typeof(CronExpression))
        {
            var ok = CronExpressions.TryParse(text, out var cron, out var detail);
            value = cron;
            error = $"{detail}; {found}";
            return ok;
        }

        if (type.IsEnum)
        {
            return TryConvertEnum(text, type, naming, out value, out error);
        }

        throw new NotSupportedException($"{type} is not a scalar type the YAML binder knows");
    }

    private static bool TryConvertEnum(
        string text,
        Type type,
        YamlNaming naming,
        out object? value,
        out string error)
    {
        foreach (var name in Enum.GetNames(type))
        {
            if (YamlNames.KeyFor(name, naming) == text)
            {
                value = Enum.Parse(type, name);
                error = "";
                return true;
            }
        }

        value = null;
        error = $"expected one of: {string.Join(", ", EnumKeys(type, naming))}; found '{text}'";
        return false;
    }

    private static IEnumerable<string> EnumKeys(Type type, YamlNaming naming) =>
        Enum.GetNames(type).Select(n => YamlNames.KeyFor(n, naming));
}
