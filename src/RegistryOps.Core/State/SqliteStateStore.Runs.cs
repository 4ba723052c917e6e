using Microsoft.Data.Sqlite;
using RegistryOps.Core.Jobs;

namespace RegistryOps.Core.State;

public sealed partial class SqliteStateStore
{
    private const string RunColumns = "run_id, job, trigger, started_at, ended_at, outcome, summary, pid";

    public async Task BeginRunAsync(string runId, string job, JobTrigger trigger, DateTimeOffset startedAt,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO runs (run_id, job, trigger, started_at, pid) VALUES ($id, $job, $trigger, $start, $pid);
            """;
        command.Parameters.AddWithValue("$id", runId);
        command.Parameters.AddWithValue("$job", job);
        command.Parameters.AddWithValue("$trigger", ToName(trigger));
        command.Parameters.AddWithValue("$start", ToText(startedAt));
        command.Parameters.AddWithValue("$pid", Environment.ProcessId);

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task CompleteRunAsync(string runId, JobOutcome outcome, string summary, DateTimeOffset endedAt,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE runs SET ended_at = $end, outcome = $outcome, summary = $summary WHERE run_id = $id;
            """;
        command.Parameters.AddWithValue("$id", runId);
        command.Parameters.AddWithValue("$end", ToText(endedAt));
        command.Parameters.AddWithValue("$outcome", ToName(outcome));
        command.Parameters.AddWithValue("$summary", summary);

        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new InvalidOperationException($"run {runId} is not in the run history");
        }
    }

    public async Task<IReadOnlyList<RunRecord>> GetHistoryAsync(string? job, int limit,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {RunColumns} FROM runs WHERE ($job IS NULL OR job = $job)
            ORDER BY started_at DESC, run_id DESC LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$job", (object?)job ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);

        return await ReadRunsAsync(command, cancellationToken);
    }

    public async Task<RunRecord?> GetLastRunAsync(string job, JobOutcome? outcome, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {RunColumns} FROM runs
            WHERE job = $job AND ended_at IS NOT NULL AND ($outcome IS NULL OR outcome = $outcome)
            ORDER BY started_at DESC, run_id DESC LIMIT 1;
            """;
        command.Parameters.AddWithValue("$job", job);
        command.Parameters.AddWithValue("$outcome", outcome is { } o ? ToName(o) : DBNull.Value);

        var runs = await ReadRunsAsync(command, cancellationToken);
        return runs.Count == 0 ? null : runs[0];
    }

    /// <summary>
    /// Marks unfinished runs as abandoned. Call once at daemon start, before any run begins. A run
    /// whose process is still alive (a one-shot <c>registryops once</c> next to a restarting daemon)
    /// is left alone; "alive" means a process with that id and this process's name exists.
    /// </summary>
    public async Task<IReadOnlyList<RunRecord>> AbandonUnfinishedRunsAsync(DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

        await using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = $"SELECT {RunColumns} FROM runs WHERE ended_at IS NULL ORDER BY started_at;";
        var unfinished = await ReadRunsWithPidAsync(select, cancellationToken);

        var abandoned = new List<RunRecord>();
        foreach (var (run, pid) in unfinished)
        {
            if (IsOtherLiveProcess(pid))
            {
                continue;
            }

            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = """
                UPDATE runs SET ended_at = $end, outcome = $outcome, summary = $summary WHERE run_id = $id;
                """;
            var summary = $"abandoned: process {pid} ended before the run finished";
            update.Parameters.AddWithValue("$id", run.RunId);
            update.Parameters.AddWithValue("$end", ToText(now));
            update.Parameters.AddWithValue("$outcome", ToName(JobOutcome.Abandoned));
            update.Parameters.AddWithValue("$summary", summary);
            await update.ExecuteNonQueryAsync(cancellationToken);

            StateLog.Abandoned(_logger, run.RunId, run.Job, run.StartedAt, pid);
            abandoned.Add(run with { EndedAt = now, Outcome = JobOutcome.Abandoned, Summary = summary });
        }

        await transaction.CommitAsync(cancellationToken);
        return abandoned;
    }
}
