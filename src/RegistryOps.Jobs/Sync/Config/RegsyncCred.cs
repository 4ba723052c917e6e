using RegistryOps.Core.Configuration;

namespace RegistryOps.Jobs.Sync.Config;

/// <summary>A <c>creds</c> entry of a regsync file, with templates resolved.</summary>
public sealed record RegsyncCred
{
    /// <summary>The registry name used in image references, e.g. <c>docker.io</c> or
    /// <c>registry.example.com:5000</c>.</summary>
    public required string Registry { get; init; }

    /// <summary>The <c>hostname</c> key: DNS name and port to connect to. Null: derived from
    /// <see cref="Registry"/>.</summary>
    public string? Hostname { get; init; }

    /// <summary>Host (and port) for API calls: <see cref="Hostname"/> when set, else the registry
    /// name, with <c>docker.io</c> mapped to <c>registry-1.docker.io</c>.</summary>
    public string ApiHost => Hostname ?? RegistryNames.ApiHost(Registry);

    public string? User { get; init; }

    /// <summary>The password; its ToString shows where it came from, never the value.</summary>
    public Secret? Pass { get; init; }

    /// <summary>Default: enabled.</summary>
    public RegsyncTls Tls { get; init; } = RegsyncTls.Enabled;

    /// <summary>PEM text of a CA certificate to trust for this registry. Null: system store.</summary>
    public string? RegCert { get; init; }

    /// <summary>Requests per second to this registry; 0 means no limit. Default: 0.</summary>
    public double ReqPerSec { get; init; }

    /// <summary>Requests in flight at once to this registry. Default: 3 (as regsync).</summary>
    public int ReqConcurrent { get; init; } = DefaultReqConcurrent;

    /// <summary>Authenticate per repository rather than per registry (needed by gcr.io).
    /// Default: false.</summary>
    public bool RepoAuth { get; init; }

    /// <summary>True when a value kept a template this reader cannot expand (a warning says where).</summary>
    public bool HasUnresolvedTemplate { get; init; }

    /// <summary>File and line of the entry, for messages.</summary>
    public required string File { get; init; }

    public int Line { get; init; }

    public const int DefaultReqConcurrent = 3;
}
