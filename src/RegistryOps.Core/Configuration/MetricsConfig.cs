namespace RegistryOps.Core.Configuration;

/// <summary>The Prometheus scrape endpoint.</summary>
public sealed class MetricsConfig
{
    /// <summary>Serve /metrics at all. Default: true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Address and port to listen on. Default: 127.0.0.1:9464. Changing it needs a restart.</summary>
    public string Listen { get; init; } = "127.0.0.1:9464";
}
