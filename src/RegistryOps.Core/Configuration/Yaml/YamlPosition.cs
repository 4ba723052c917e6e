using YamlDotNet.Core;

namespace RegistryOps.Core.Configuration.Yaml;

/// <summary>A 1-based line and column in a YAML file.</summary>
internal readonly record struct YamlPosition(int Line, int Column)
{
    public static readonly YamlPosition FileStart = new(1, 1);

    public static YamlPosition From(Mark mark) =>
        new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));
}
