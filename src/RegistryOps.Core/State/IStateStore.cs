using RegistryOps.Core.Jobs;

namespace RegistryOps.Core.State;

/// <summary>The daemon's durable memory: run history and per-job state, in SQLite.</summary>
public interface IStateStore
{
    /// <summary>Records that a run started; it stays "running" until completed.</summary>
    Task BeginRunAsync(string runId, string job, JobTrigger trigger, DateTimeOffset startedAt,
        CancellationToken cancellationToken);

    Task CompleteRunAsync(string runId, JobOutcome outcome, string summary, DateTimeOffset endedAt,
        CancellationToken cancellationToken);

    /// <summary>Newest first; <paramref name="job"/> null for every job.</summary>
    Task<IReadOnlyList<RunRecord>> GetHistoryAsync(
        string? job,
        int limit,
        CancellationToken cancellationToken);

    /// <summary>The newest finished run of a job with the given outcome (any outcome when null).</summary>
    Task<RunRecord?> GetLastRunAsync(string job, JobOutcome? outcome, CancellationToken cancellationToken);

    /// <summary>Marks every run left unfinished by a previous process as abandoned; returns them.</summary>
    Task<IReadOnlyList<RunRecord>> AbandonUnfinishedRunsAsync(
        DateTimeOffset now,
        CancellationToken cancellationToken);

    /// <summary>A job's own durable value under a key (e.g. the change snapshot as JSON).</summary>
    Task<string?> GetJobStateAsync(string job, string key, CancellationToken cancellationToken);

    /// <summary>Writes a job's value atomically: readers see the old or the new value, never part.</summary>
    Task SetJobStateAsync(string job, string key, string value, CancellationToken cancellationToken);
}
