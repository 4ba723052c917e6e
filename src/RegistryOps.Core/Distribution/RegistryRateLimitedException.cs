using System.Net;

namespace RegistryOps.Core.Distribution;

/// <summary>429 that could not be waited out within the client's Retry-After budget.</summary>
public sealed class RegistryRateLimitedException(
    string message,
    string? method,
    string? url,
    TimeSpan? retryAfter)
    : RegistryException(message, HttpStatusCode.TooManyRequests, method, url)
{
    /// <summary>What the registry last asked to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
