using RegistryOps.Core.Configuration;

namespace RegistryOps.Core.Distribution;

/// <summary>
/// How to reach one registry: address, credentials, TLS, and the limits the client keeps to.
/// </summary>
/// <param name="BaseUri">Registry base, e.g. https://registry.example.com or http://127.0.0.1:5000.</param>
/// <param name="MaxConcurrency">Most requests in flight at once. Default: 8.</param>
/// <param name="RequestsPerSecond">Request rate cap; null for none. Default: none.</param>
/// <param name="RequestTimeout">Timeout of one request attempt. Default: 30s.</param>
/// <param name="PageSize">n= asked for in catalog and tag listings. Default: 100.</param>
/// <param name="RateLimitBudget">Longest total wait on 429 Retry-After over the client's life
/// before it gives up with <see cref="RegistryRateLimitedException"/>. Default: 5 minutes.</param>
public sealed record RegistryEndpoint(
    Uri BaseUri,
    string? Username = null,
    Secret? Password = null,
    string? CaFile = null,
    bool SkipTlsVerify = false,
    int MaxConcurrency = 8,
    double? RequestsPerSecond = null,
    TimeSpan? RequestTimeout = null,
    int PageSize = 100,
    TimeSpan? RateLimitBudget = null)
{
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultRateLimitBudget = TimeSpan.FromMinutes(5);

    /// <summary>host:port, for messages.</summary>
    public string Authority => $"{BaseUri.Host}:{BaseUri.Port}";

    public static RegistryEndpoint FromConfig(RegistryConfig config) =>
        new(
            new Uri(config.Url),
            config.Username,
            config.Password,
            config.CaFile,
            SkipTlsVerify: false,
            MaxConcurrency: config.MaxConcurrency,
            RequestTimeout: config.RequestTimeout,
            PageSize: config.PageSize);
}
