namespace RegistryOps.Core.Configuration;

/// <summary>One thing wrong in a config file, located for the operator.</summary>
public sealed record ConfigProblem(string File, int Line, int Column, string KeyPath, string Message)
{
    /// <summary>Warnings are reported but do not make the file invalid.</summary>
    public bool IsWarning { get; init; }

    public override string ToString()
    {
        var key = string.IsNullOrEmpty(KeyPath) ? "" : $" {KeyPath}:";
        var kind = IsWarning ? "warning" : "error";
        return $"{File}:{Line}:{Column}: {kind}:{key} {Message}";
    }
}
