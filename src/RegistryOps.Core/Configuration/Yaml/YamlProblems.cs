namespace RegistryOps.Core.Configuration.Yaml;

/// <summary>Collects the problems found in one YAML file, each placed at a line and column.
/// Reading never stops at the first problem: callers keep going and add to this list.</summary>
internal sealed class YamlProblems(string file)
{
    private readonly List<ConfigProblem> _items = [];

    /// <summary>The file name as the operator gave it; it starts every problem line.</summary>
    public string File { get; } = file;

    public IReadOnlyList<ConfigProblem> Items => _items;

    public bool HasErrors => _items.Exists(p => !p.IsWarning);

    public void Error(YamlPosition at, string keyPath, string message) =>
        _items.Add(new ConfigProblem(File, at.Line, at.Column, keyPath, message));

    public void Warning(YamlPosition at, string keyPath, string message) =>
        _items.Add(new ConfigProblem(File, at.Line, at.Column, keyPath, message) { IsWarning = true });

    /// <summary>The problems in file order (line, then column), keeping the order of finding
    /// for problems at the same place.</summary>
    public IReadOnlyList<ConfigProblem> Sorted() =>
        [.. _items.OrderBy(p => p.Line).ThenBy(p => p.Column)];
}
