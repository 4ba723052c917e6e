using RegistryOps.Core.Configuration.Yaml;

namespace RegistryOps.Core.Configuration;

/// <summary>Where the daemon keeps its files.</summary>
public sealed class PathsConfig
{
    /// <summary>State directory holding state.db. Default: /var/lib/registryops
    /// ($STATE_DIRECTORY when systemd sets it).</summary>
    [FilePath]
    public string State { get; init; } =
        Environment.GetEnvironmentVariable("STATE_DIRECTORY") ?? "/var/lib/registryops";

    /// <summary>Runtime directory for the control socket and the advisory registry lock file.
    /// Default: /run/registryops ($RUNTIME_DIRECTORY when systemd sets it).</summary>
    [FilePath]
    public string Runtime { get; init; } =
        Environment.GetEnvironmentVariable("RUNTIME_DIRECTORY") ?? "/run/registryops";

    /// <summary>Directory that relative <c>file:</c> secret references resolve against.
    /// Default: the directory of the config file.</summary>
    [FilePath]
    public string? Secrets { get; init; }
}
