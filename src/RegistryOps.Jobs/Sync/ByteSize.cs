using System.Globalization;

namespace RegistryOps.Jobs.Sync;

/// <summary>Byte counts for people (1024-based, one decimal).</summary>
internal static class ByteSize
{
    public static string Format(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? $"{bytes} B"
            : value.ToString("0.0", CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
