namespace RegistryOps.Core.Configuration;

/// <summary>A config file that cannot be used; <see cref="Problems"/> holds every problem found.
/// The message lists them one per line, as <c>registryops validate</c> prints them.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string path, IReadOnlyList<ConfigProblem> problems)
        : base(BuildMessage(path, problems))
    {
        Path = path;
        Problems = problems;
    }

    public string Path { get; }

    public IReadOnlyList<ConfigProblem> Problems { get; }

    private static string BuildMessage(string path, IReadOnlyList<ConfigProblem> problems)
    {
        var errors = problems.Count(p => !p.IsWarning);
        var lines = string.Join(Environment.NewLine, problems.Select(p => p.ToString()));
        return $"config file {path} has {errors} error(s):{Environment.NewLine}{lines}";
    }
}
