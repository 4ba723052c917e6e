using System.CommandLine;

namespace RegistryOps.Commands;

/// <summary>Options several commands share. Each call makes a new instance for one command.</summary>
internal static class CommonOptions
{
    public static Option<string?> Config() => new("--config", "-c")
    {
        Description = $"Config file. Default: ${ConfigPath.EnvironmentVariable}, else {ConfigPath.Default}",
        HelpName = "PATH",
    };

    public static Option<LogTarget> LogTarget() => new("--log-target")
    {
        Description = "Where logs go: auto (journald under systemd, else console), console or journald",
        DefaultValueFactory = _ => Commands.LogTarget.Auto,
    };
}
