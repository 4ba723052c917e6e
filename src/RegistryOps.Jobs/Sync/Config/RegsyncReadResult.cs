using RegistryOps.Core.Configuration;

namespace RegistryOps.Jobs.Sync.Config;

/// <summary>What <see cref="RegsyncConfigReader"/> found: the files that parsed and every problem
/// (errors and warnings) of all files, in file and line order.</summary>
public sealed record RegsyncReadResult(
    IReadOnlyList<RegsyncFile> Files,
    IReadOnlyList<ConfigProblem> Problems)
{
    public bool HasErrors => Problems.Any(p => !p.IsWarning);

    public IEnumerable<ConfigProblem> Errors => Problems.Where(p => !p.IsWarning);

    public IEnumerable<ConfigProblem> Warnings => Problems.Where(p => p.IsWarning);

    /// <summary>All entries of all files, in file order.</summary>
    public IReadOnlyList<SyncEntry> Entries => [.. Files.SelectMany(f => f.Entries)];

    /// <summary>All creds of all files, in file order.</summary>
    public IReadOnlyList<RegsyncCred> Creds => [.. Files.SelectMany(f => f.Creds)];
}
