using RegistryOps.Core.Configuration;

namespace RegistryOps.Commands;

/// <summary>The config as the client commands (status, sync ...) read it.</summary>
internal static class CommandConfig
{
    /// <summary>The runtime directory of the daemon the control commands talk to. A file that
    /// no longer validates (the daemon may still run on its previous version) falls back to the
    /// default directory rather than refusing to ask.</summary>
    public static string RuntimeDirectory(string? configOption)
    {
        var result = ConfigLoader.Load(ConfigPath.Resolve(configOption));
        return result.Config?.Paths.Runtime ?? new PathsConfig().Runtime;
    }

    /// <summary>The valid config, or an exception whose message names the file; its problems
    /// are printed to standard error first.</summary>
    public static RegistryOpsConfig Load(string? configOption)
    {
        var path = ConfigPath.Resolve(configOption);
        var result = ConfigLoader.Load(path);
        if (!result.IsValid)
        {
            ConfigProblemPrinter.Print(result.Problems, Console.Error);
            throw new InvalidOperationException($"{path} is not a valid config");
        }

        return result.Config!;
    }
}
