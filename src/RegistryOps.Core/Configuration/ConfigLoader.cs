using RegistryOps.Core.Configuration.Secrets;
using RegistryOps.Core.Configuration.Validation;
using RegistryOps.Core.Configuration.Yaml;
using YamlDotNet.RepresentationModel;

namespace RegistryOps.Core.Configuration;

/// <summary>
/// Reads registryops.yml: YAML syntax, strict binding onto <see cref="RegistryOpsConfig"/>, secret
/// references, then one validator per section. Every problem is gathered with file, line, column
/// and key path, so an operator can fix the file in one pass.
/// </summary>
public static class ConfigLoader
{
    public static ConfigLoadResult Load(string path) =>
        Load(path, Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY"));

    /// <summary>As <see cref="Load(string)"/>, with the credentials directory given instead of
    /// read from $CREDENTIALS_DIRECTORY.</summary>
    internal static ConfigLoadResult Load(string path, string? credentialsDirectory)
    {
        var problems = new YamlProblems(path);
        var fullPath = Path.GetFullPath(path);
        var configDirectory = Path.GetDirectoryName(fullPath) ?? "/";

        var root = YamlDocumentReader.Read(path, problems);
        if (problems.HasErrors)
        {
            return new ConfigLoadResult(null, problems.Sorted());
        }

        if (root is null)
        {
            problems.Warning(YamlPosition.FileStart, "", "the file is empty; every key takes its default");
        }

        var secrets = new SecretResolver(SecretsDirectory(root, configDirectory), credentialsDirectory);
        var options = new YamlBinderOptions
        {
            BaseDirectory = configDirectory,
            Converters = new Dictionary<Type, CustomScalar> { [typeof(Secret)] = secrets.AsCustomScalar() },
        };
        var binder = new YamlBinder(problems, options);
        var config = binder.BindRoot<RegistryOpsConfig>(root);
        config.SourcePath = fullPath;

        ConfigValidator.Validate(config, new ValidationContext(problems, binder.Locations, configDirectory));

        return new ConfigLoadResult(problems.HasErrors ? null : config, problems.Sorted());
    }

    /// <summary>Relative file: references resolve against paths.secrets, which may be written
    /// after the keys holding secrets, so that one key is bound ahead of the rest. Its problems
    /// are reported by the full pass that follows.</summary>
    private static string SecretsDirectory(YamlNode? root, string configDirectory)
    {
        if (root is not YamlMappingNode mapping
            || !mapping.Children.TryGetValue(new YamlScalarNode("paths"), out var pathsNode))
        {
            return configDirectory;
        }

        var options = new YamlBinderOptions { BaseDirectory = configDirectory };
        var scratch = new YamlBinder(new YamlProblems(""), options);
        var bound = scratch.TryBind(pathsNode, typeof(PathsConfig), "paths", nullable: false, out var value);
        return bound && value is PathsConfig { Secrets: { Length: > 0 } secrets } ? secrets : configDirectory;
    }
}
