using System.Globalization;
using Microsoft.Data.Sqlite;
using RegistryOps.Core.State;

namespace RegistryOps.IntegrationTests.Daemon;

/// <summary>Reads a sandbox's state.db beside the daemon, as the status command would (WAL
/// lets a reader in while the daemon writes).</summary>
internal static class StateProbe
{
    public static async Task<RunRecord> WaitForRunAsync(
        string stateDirectory,
        string job,
        Func<RunRecord, bool> match,
        Func<string> diagnostics)
    {
        var deadline = DateTime.UtcNow + DaemonSandbox.Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (IsInitialised(stateDirectory))
            {
                using var store = new SqliteStateStore(stateDirectory);
                var history = await store.GetHistoryAsync(job, 10, CancellationToken.None);
                if (history.FirstOrDefault(match) is { } run)
                {
                    return run;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"no matching run of {job}; output:\n{diagnostics()}");
    }

    // Opening SqliteStateStore migrates a fresh file. Two processes migrating the same new file
    // at once collide, so the probe waits, read-only, until the process under test has done it.
    private static bool IsInitialised(string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, SqliteStateStore.FileName);
        if (!File.Exists(path))
        {
            return false;
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version;";
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
        }
        catch (SqliteException)
        {
            return false;
        }
    }
}
