using RegistryOps.Core.Configuration.Yaml;

namespace RegistryOps.Core.Configuration.Validation;

/// <summary>Where validators report: each problem is placed at the key it is about, or, for a
/// key left at its default, at the nearest enclosing key that was written.</summary>
internal sealed class ValidationContext(
    YamlProblems problems,
    IReadOnlyDictionary<string, YamlPosition> locations,
    string configDirectory)
{
    /// <summary>Directory of the config file, for checks of relative paths.</summary>
    public string ConfigDirectory { get; } = configDirectory;

    public void Error(string keyPath, string message) => problems.Error(Locate(keyPath), keyPath, message);

    public void Warning(string keyPath, string message) =>
        problems.Warning(Locate(keyPath), keyPath, message);

    public YamlPosition Locate(string keyPath)
    {
        var path = keyPath;
        while (true)
        {
            if (locations.TryGetValue(path, out var position))
            {
                return position;
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                return YamlPosition.FileStart;
            }

            path = path[..cut];
        }
    }
}
