namespace RegistryOps.Core.Configuration;

/// <summary>The outcome of reading a config file: the snapshot when it is valid, and every
/// problem found (errors and warnings) in file order.</summary>
public sealed class ConfigLoadResult(RegistryOpsConfig? config, IReadOnlyList<ConfigProblem> problems)
{
    /// <summary>The bound, validated snapshot; null when the file has errors.</summary>
    public RegistryOpsConfig? Config { get; } = config;

    public IReadOnlyList<ConfigProblem> Problems { get; } = problems;

    /// <summary>No errors (warnings allowed).</summary>
    public bool IsValid => Config is not null && !Problems.Any(p => !p.IsWarning);

    public IEnumerable<ConfigProblem> Errors => Problems.Where(p => !p.IsWarning);

    public IEnumerable<ConfigProblem> Warnings => Problems.Where(p => p.IsWarning);
}
