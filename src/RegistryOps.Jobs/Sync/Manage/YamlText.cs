using System.Text.RegularExpressions;
using RegistryOps.Jobs.Sync.Config;

namespace RegistryOps.Jobs.Sync.Manage;

/// <summary>Writes values as YAML text: plain when that reads back the same, else single-quoted
/// (which has no escapes besides a doubled quote, so a regex is written exactly as typed).</summary>
internal static partial class YamlText
{
    public static string Scalar(string value) =>
        PlainSafe().IsMatch(value) && !IsSpecialWord(value) ? value : Quoted(value);

    public static string Quoted(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string TypeName(SyncType type) => type.ToString().ToLowerInvariant();

    private static bool IsSpecialWord(string value) =>
        value.ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off" or "null" or "~"
        || double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _);

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_./@+-]*(:[A-Za-z0-9_./@+-]+)*$")]
    private static partial Regex PlainSafe();
}
