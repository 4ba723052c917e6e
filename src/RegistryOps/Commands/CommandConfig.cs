using RegistryOps.Core.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RegistryOps.Commands;

/// <summary>The config as the client commands (status, sync ...) read it.</summary>
internal static class CommandConfig
{
    /// <summary>The runtime directory of the daemon the control commands talk to. The daemon
    /// keeps running on its previous config when the file on disk is broken (a rejected reload),
    /// which is exactly when an operator asks for its status: so a file that no longer validates
    /// still gives its <c>paths.runtime</c> if that key can be read, with a warning.</summary>
    public static string RuntimeDirectory(string? configOption)
    {
        var path = ConfigPath.Resolve(configOption);
        var result = ConfigLoader.Load(path);
        if (result.Config is { } config)
        {
            return config.Paths.Runtime;
        }

        var runtime = ReadRuntimeKey(path) ?? new PathsConfig().Runtime;
        Console.Error.WriteLine($"registryops: warning: {path} has errors (see `registryops validate`); "
            + $"asking the daemon in {runtime}");
        return runtime;
    }

    private static string? ReadRuntimeKey(string path)
    {
        try
        {
            using var reader = File.OpenText(path);
            var yaml = new YamlStream();
            yaml.Load(reader);
            var root = yaml.Documents.FirstOrDefault()?.RootNode as YamlMappingNode;
            var paths = Child(root, "paths") as YamlMappingNode;
            if (Child(paths, "runtime") is YamlScalarNode { Value: { Length: > 0 } runtime })
            {
                // Relative paths in the config resolve against the config file's directory.
                return Path.GetFullPath(runtime, Path.GetDirectoryName(Path.GetFullPath(path))!);
            }

            return null;
        }
        catch (Exception ex) when (ex is YamlException or IOException or UnauthorizedAccessException)
        {
            // Not even YAML: the default directory is the only guess left.
            return null;
        }
    }

    private static YamlNode? Child(YamlMappingNode? mapping, string key) =>
        mapping is not null && mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

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
