namespace RegistryOps.Core.Configuration.Yaml;

/// <summary>Turns one scalar into a value of a type the binder does not know by itself. Returns
/// null after reporting a problem at <paramref name="site"/> when the text is not acceptable.</summary>
internal delegate object? ScalarConverter(string text, ScalarSite site);

/// <summary>A custom scalar type: what the operator should write, and how to read it.</summary>
internal sealed record CustomScalar(string Description, ScalarConverter Convert);

/// <summary>Where a scalar stands, for converters that report problems.</summary>
internal sealed record ScalarSite(string KeyPath, YamlPosition Position, YamlProblems Problems)
{
    public void Error(string message) => Problems.Error(Position, KeyPath, message);
}

internal sealed record YamlBinderOptions
{
    /// <summary>Unknown keys are warnings instead of errors (for files of other tools, whose
    /// newer versions may add keys RegistryOps does not use). Default: false (strict).</summary>
    public bool Lenient { get; init; }

    /// <summary>How property names are spelled as keys. Default: snake_case.</summary>
    public YamlNaming Naming { get; init; } = YamlNaming.SnakeCase;

    /// <summary>Relative values of <see cref="FilePathAttribute"/> properties resolve against
    /// this directory (usually the YAML file's own). Null: left as written.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Converters for scalar types beyond the built-in ones, by target type.</summary>
    public IReadOnlyDictionary<Type, CustomScalar> Converters { get; init; } =
        new Dictionary<Type, CustomScalar>();
}
