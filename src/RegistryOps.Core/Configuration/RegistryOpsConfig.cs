using YamlDotNet.Serialization;

namespace RegistryOps.Core.Configuration;

/// <summary>
/// The whole configuration file, bound strictly from YAML (snake_case keys) and validated once at
/// load. Instances are immutable snapshots: a reload builds a new one and swaps it in.
/// </summary>
public sealed class RegistryOpsConfig
{
    /// <summary>IANA time zone for schedules and reports. Default: the system zone.</summary>
    public string? Timezone { get; init; }

    /// <summary>Name of this registry host in notifications. Default: the machine name.</summary>
    public string? Hostname { get; init; }

    public PathsConfig Paths { get; init; } = new();

    public RegistryConfig Registry { get; init; } = new();

    public MetricsConfig Metrics { get; init; } = new();

    public NotificationsConfig Notifications { get; init; } = new();

    public JobsConfig Jobs { get; init; } = new();

    /// <summary>Absolute path of the file this snapshot was read from (not a YAML key).</summary>
    [YamlIgnore]
    public string SourcePath { get; set; } = "";

    /// <summary>The resolved time zone (not a YAML key).</summary>
    public TimeZoneInfo TimeZone =>
        Timezone is null ? TimeZoneInfo.Local : TimeZoneInfo.FindSystemTimeZoneById(Timezone);

    /// <summary>The host name used in notifications (not a YAML key).</summary>
    public string DisplayHostname => string.IsNullOrWhiteSpace(Hostname) ? Environment.MachineName : Hostname;
}
