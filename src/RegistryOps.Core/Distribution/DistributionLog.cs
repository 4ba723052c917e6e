using Microsoft.Extensions.Logging;

namespace RegistryOps.Core.Distribution;

/// <summary>Log events of the distribution client (EventIds 1100-1199).</summary>
internal static partial class DistributionLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning,
        Message = "{Registry} answered 429 to {Method} {Path}; waiting {Wait} (rate-limit budget left {Budget})")]
    public static partial void RateLimitedWaiting(ILogger logger, string registry, string method, string path,
        TimeSpan wait, TimeSpan budget);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug,
        Message = "Retrying {Method} {Path} on {Registry} after a transient failure (attempt {Attempt}): {Reason}")]
    public static partial void TransientRetry(ILogger logger, string method, string path, string registry,
        int attempt, string reason);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug,
        Message = "Fetched a token for scope {Scope} of {Registry}, valid {Lifetime}")]
    public static partial void TokenFetched(ILogger logger, string scope, string registry, TimeSpan lifetime);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Debug,
        Message = "{Registry} sent no Docker-Content-Digest for {Repository}:{Reference}; "
            + "fetched the manifest to compute it")]
    public static partial void DigestComputed(ILogger logger, string registry, string repository,
        string reference);
}
