using System.Diagnostics;
using Microsoft.Data.Sqlite;
using RegistryOps.Core.Jobs;

namespace RegistryOps.Core.State;

public sealed partial class SqliteStateStore
{
    private static async Task<IReadOnlyList<RunRecord>> ReadRunsAsync(SqliteCommand command,
        CancellationToken cancellationToken)
    {
        var rows = await ReadRunsWithPidAsync(command, cancellationToken);
        return rows.Select(r => r.Run).ToList();
    }

    private static async Task<List<(RunRecord Run, long Pid)>> ReadRunsWithPidAsync(SqliteCommand command,
        CancellationToken cancellationToken)
    {
        var rows = new List<(RunRecord, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var run = new RunRecord(
                RunId: reader.GetString(0),
                Job: reader.GetString(1),
                Trigger: Enum.Parse<JobTrigger>(reader.GetString(2), ignoreCase: true),
                StartedAt: FromText(reader.GetString(3)),
                EndedAt: reader.IsDBNull(4) ? null : FromText(reader.GetString(4)),
                Outcome: reader.IsDBNull(5) ? null : Enum.Parse<JobOutcome>(reader.GetString(5), ignoreCase: true),
                Summary: reader.IsDBNull(6) ? null : reader.GetString(6));
            rows.Add((run, reader.GetInt64(7)));
        }

        return rows;
    }

    // Lower-case names in the database, the same words the logs and metrics use.
    private static string ToName<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static bool IsOtherLiveProcess(long pid)
    {
        if (pid == Environment.ProcessId || pid <= 0 || pid > int.MaxValue)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById((int)pid);
            using var self = Process.GetCurrentProcess();

            // A pid reused by an unrelated process after a reboot must not keep a run "running".
            return !process.HasExited && process.ProcessName == self.ProcessName;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
