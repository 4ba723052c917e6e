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
        // A problem of a whole file (it is missing, nothing matches a glob) has no line to name.
        var where = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        return $"{where}: {kind}:{key} {Message}";
    }
}
