namespace RegistryOps.ControlSocket;

/// <summary>What the status command shows: the scheduler's view and the registry lock.</summary>
internal interface IStatusReporter
{
    DaemonStatus Report();
}

internal sealed record DaemonStatus(
    string Summary,
    IReadOnlyList<JobStatus> Jobs,
    IReadOnlyList<string> LockHolders,
    IReadOnlyList<string> LockWaiters,
    string ConfigPath);

internal sealed record JobStatus(
    string Name,
    bool Enabled,
    bool Running,
    DateTimeOffset? NextRun,
    string? Schedule);
