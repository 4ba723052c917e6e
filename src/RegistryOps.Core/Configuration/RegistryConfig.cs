using RegistryOps.Core.Configuration.Yaml;

namespace RegistryOps.Core.Configuration;

/// <summary>The registry RegistryOps looks after, as the distribution API sees it.</summary>
public sealed class RegistryConfig
{
    /// <summary>Base URL, e.g. https://registry.example.com or http://127.0.0.1:5000.
    /// Plain http is accepted only for loopback addresses unless <see cref="AllowInsecureHttp"/>.</summary>
    public string Url { get; init; } = "http://127.0.0.1:5000";

    public string? Username { get; init; }

    /// <summary>Secret reference (<c>file:PATH</c> or <c>credential:NAME</c>), never an inline value.</summary>
    public Secret? Password { get; init; }

    /// <summary>PEM file of a CA to trust for this registry's TLS certificate.</summary>
    [FilePath]
    public string? CaFile { get; init; }

    /// <summary>Allow plain http to a non-loopback address. Default: false.</summary>
    public bool AllowInsecureHttp { get; init; }

    /// <summary>Most requests in flight at once. Default: 8.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>Timeout of one HTTP request. Default: 30s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Page size asked for in catalog and tag listings (n=). Default: 100.</summary>
    public int PageSize { get; init; } = 100;
}
