namespace RegistryOps.Commands;

/// <summary>Which config file a command reads: --config, else $REGISTRYOPS_CONFIG, else the
/// system default. Relative paths stay relative, as the operator wrote them in problem lines.</summary>
internal static class ConfigPath
{
    public const string Default = "/etc/registryops/registryops.yml";

    public const string EnvironmentVariable = "REGISTRYOPS_CONFIG";

    public static string Resolve(string? fromCommandLine)
    {
        var path = fromCommandLine;
        if (string.IsNullOrWhiteSpace(path))
        {
            path = Environment.GetEnvironmentVariable(EnvironmentVariable);
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            path = Default;
        }

        return path;
    }
}
