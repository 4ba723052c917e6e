using System.Globalization;
using System.Text;

namespace RegistryOps.Core;

/// <summary>Durations for people, in the config file's own notation: 10m, 1h30m, 2.5s, 250ms.</summary>
internal static class DurationText
{
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            return "-" + Format(value.Negate());
        }

        if (value < TimeSpan.FromSeconds(1))
        {
            return $"{(int)value.TotalMilliseconds}ms";
        }

        if (value < TimeSpan.FromMinutes(1))
        {
            return value.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + "s";
        }

        var text = new StringBuilder();
        Append(text, (int)value.TotalDays, "d");
        Append(text, value.Hours, "h");
        Append(text, value.Minutes, "m");
        Append(text, value.Seconds, "s");
        return text.ToString();
    }

    private static void Append(StringBuilder text, int amount, string unit)
    {
        if (amount > 0)
        {
            text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }
}
