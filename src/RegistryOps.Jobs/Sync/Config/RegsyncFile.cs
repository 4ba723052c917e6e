namespace RegistryOps.Jobs.Sync.Config;

/// <summary>One regsync file (version 1) as read: its credentials and its effective entries.</summary>
public sealed record RegsyncFile
{
    /// <summary>Full path of the file.</summary>
    public required string Path { get; init; }

    public int Version { get; init; } = 1;

    /// <summary><c>defaults.parallel</c>: image copies at once. Default: 1.</summary>
    public int Parallel { get; init; } = RegsyncDefaults.Parallel;

    public IReadOnlyList<RegsyncCred> Creds { get; init; } = [];

    public IReadOnlyList<SyncEntry> Entries { get; init; } = [];
}
