using System.Globalization;

namespace RegistryOps.Jobs.Sync;

/// <summary>
/// Docker Hub's pull budget from <c>ratelimit-limit</c> and <c>ratelimit-remaining</c>, each
/// written <c>N;w=SECONDS</c>. A missing or unreadable number stays null (unknown); the window is
/// read from the header, never assumed.
/// </summary>
internal sealed record HubRateLimit(int? Limit, int? Remaining, TimeSpan? Window)
{
    public double? UsedPercent =>
        Limit is > 0 && Remaining is not null ? 100.0 * (Limit.Value - Remaining.Value) / Limit.Value : null;

    public static HubRateLimit? Parse(string? limitHeader, string? remainingHeader)
    {
        if (limitHeader is null && remainingHeader is null)
        {
            return null;
        }

        var (limit, limitWindow) = ParseOne(limitHeader);
        var (remaining, remainingWindow) = ParseOne(remainingHeader);
        return new HubRateLimit(limit, remaining, limitWindow ?? remainingWindow);
    }

    private static (int? Count, TimeSpan? Window) ParseOne(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return (null, null);
        }

        int? count = null;
        TimeSpan? window = null;
        var parts = header.Split(';', StringSplitOptions.TrimEntries);

        if (int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            count = n;
        }

        foreach (var part in parts.Skip(1))
        {
            if (part.StartsWith("w=", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(part[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                window = TimeSpan.FromSeconds(seconds);
            }
        }

        return (count, window);
    }
}
