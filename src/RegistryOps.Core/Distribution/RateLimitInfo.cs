using System.Globalization;
using System.Net.Http.Headers;

namespace RegistryOps.Core.Distribution;

/// <summary>
/// A registry's pull budget from the <c>ratelimit-limit</c> and <c>ratelimit-remaining</c>
/// headers (Docker Hub: <c>100;w=21600</c>). A number the registry did not give is null: unknown,
/// never assumed.
/// </summary>
public sealed record RateLimitInfo(int? Limit, int? Remaining, TimeSpan? Window)
{
    /// <summary>Null when the response carries neither header.</summary>
    public static RateLimitInfo? FromHeaders(HttpResponseHeaders headers)
    {
        var limit = First(headers, "ratelimit-limit");
        var remaining = First(headers, "ratelimit-remaining");
        if (limit is null && remaining is null)
        {
            return null;
        }

        var (limitValue, limitWindow) = Parse(limit);
        var (remainingValue, remainingWindow) = Parse(remaining);
        return new RateLimitInfo(limitValue, remainingValue, limitWindow ?? remainingWindow);
    }

    /// <summary>Parses <c>N;w=SECONDS</c>; either part may be missing or malformed.</summary>
    public static (int? Value, TimeSpan? Window) Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return (null, null);
        }

        int? value = null;
        TimeSpan? window = null;
        var parts = header.Split(';', StringSplitOptions.TrimEntries);
        if (int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            value = number;
        }

        foreach (var part in parts.Skip(1))
        {
            if (part.StartsWith("w=", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(part[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                window = TimeSpan.FromSeconds(seconds);
            }
        }

        return (value, window);
    }

    private static string? First(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
