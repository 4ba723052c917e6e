using RegistryOps.Core.Configuration;

namespace RegistryOps.Jobs.Sync;

/// <summary>One registry's connection settings (regsync <c>creds</c>), keyed by the host as
/// entries write it.</summary>
internal sealed record SyncRegistrySettings(string Host)
{
    /// <summary>Where requests go; differs from Host for Docker Hub (registry-1.docker.io) or
    /// when creds name a <c>hostname</c>.</summary>
    public string? Endpoint { get; init; }

    public string? Username { get; init; }

    public Secret? Password { get; init; }

    /// <summary>Plain HTTP (regsync <c>tls: disabled</c>).</summary>
    public bool PlainHttp { get; init; }

    /// <summary>TLS without certificate checks (regsync <c>tls: insecure</c>).</summary>
    public bool SkipTlsVerify { get; init; }

    /// <summary>PEM text of a CA to trust (regsync <c>regcert</c>).</summary>
    public string? CaPem { get; init; }

    /// <summary>Requests in flight at once (regsync <c>reqConcurrent</c>). Default: 3.</summary>
    public int MaxConcurrency { get; init; } = 3;

    /// <summary>Request rate cap (regsync <c>reqPerSec</c>); null: none.</summary>
    public double? RequestsPerSecond { get; init; }
}
