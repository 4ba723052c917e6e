using System.Globalization;
using System.Text;

namespace RegistryOps.Core.Configuration;

/// <summary>
/// Durations as written in config files: whole numbers with a unit, largest unit first, each unit
/// at most once: <c>500ms</c>, <c>30s</c>, <c>10m</c>, <c>6h</c>, <c>1h30m</c>, <c>2d</c>, and a
/// bare <c>0</c>. A bare number other than 0 is refused because its unit would be a guess.
/// </summary>
public static class Durations
{
    public const string Examples = "30s, 10m, 6h, 1h30m, 2d or 500ms";

    // Largest first: the order a duration's parts must follow.
    private static readonly (string Unit, TimeSpan Size)[] s_units =
    [
        ("d", TimeSpan.FromDays(1)),
        ("h", TimeSpan.FromHours(1)),
        ("m", TimeSpan.FromMinutes(1)),
        ("s", TimeSpan.FromSeconds(1)),
        ("ms", TimeSpan.FromMilliseconds(1)),
    ];

    public static bool TryParse(string text, out TimeSpan value, out string error)
    {
        value = TimeSpan.Zero;
        error = "";

        if (text == "0")
        {
            return true;
        }

        if (text.Length == 0 || !char.IsAsciiDigit(text[0]))
        {
            error = $"expected a duration such as {Examples}";
            return false;
        }

        var position = 0;
        var lastUnit = -1;
        long ticks = 0;
        while (position < text.Length)
        {
            var digitsStart = position;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }

            var unitStart = position;
            while (position < text.Length && char.IsAsciiLetter(text[position]))
            {
                position++;
            }

            var digits = text[digitsStart..unitStart];
            var unit = text[unitStart..position];
            if (digits.Length == 0 || (position < text.Length && !char.IsAsciiDigit(text[position])))
            {
                error = $"expected a duration such as {Examples}";
                return false;
            }

            if (unit.Length == 0)
            {
                error = $"a duration needs a unit after {digits} (d, h, m, s or ms), e.g. {digits}s";
                return false;
            }

            var index = Array.FindIndex(s_units, u => u.Unit == unit);
            if (index < 0)
            {
                error = $"unknown duration unit '{unit}' (use d, h, m, s or ms)";
                return false;
            }

            if (index <= lastUnit)
            {
                error = $"duration units must go from largest to smallest, each once, e.g. 1h30m";
                return false;
            }

            lastUnit = index;
            if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                error = "duration is too long";
                return false;
            }

            try
            {
                ticks = checked(ticks + (count * s_units[index].Size.Ticks));
            }
            catch (OverflowException)
            {
                error = "duration is too long";
                return false;
            }
        }

        value = TimeSpan.FromTicks(ticks);
        return true;
    }

    /// <summary>Writes a duration the way <see cref="TryParse"/> reads it (e.g. 1h30m).</summary>
    public static string Format(TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            return "0";
        }

        var builder = new StringBuilder();
        var rest = value.Ticks;
        foreach (var (unit, size) in s_units)
        {
            var count = rest / size.Ticks;
            if (count > 0)
            {
                builder.Append(count.ToString(CultureInfo.InvariantCulture)).Append(unit);
                rest -= count * size.Ticks;
            }
        }

        return builder.Length == 0 ? "0" : builder.ToString();
    }
}
