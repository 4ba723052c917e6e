using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RegistryOps.Core.State;

/// <summary>
/// <see cref="IStateStore"/> over SQLite in <c>state.db</c>. Every operation opens its own pooled
/// connection, so concurrent jobs never share one; SQLite serialises the writers and the busy
/// timeout makes a writer wait for another instead of failing. Each write is one statement or one
/// transaction, and the database is in WAL mode, so a kill -9 at any moment leaves either the old
/// or the new state: SQLite rolls the WAL forward or back on the next open.
/// </summary>
public sealed partial class SqliteStateStore : IStateStore, IDisposable
{
    public const string FileName = "state.db";

    // How long a writer waits for another connection's write lock before giving up.
    private const int BusyTimeoutMs = 10_000;

    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Opens (or creates) <c>state.db</c> in <paramref name="directory"/> and brings its
    /// schema up to date. The directory is created private to the service user (0700).</summary>
    public SqliteStateStore(string directory, TimeProvider? time = null,
        ILogger<SqliteStateStore>? logger = null)
    {
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;

        PrivateDirectory.Create(directory);

        DatabasePath = Path.Combine(Path.GetFullPath(directory), FileName);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMs / 1000,
        }.ToString();

        int version;
        try
        {
            version = Initialise();
        }
        catch (SqliteException e)
        {
            throw new IOException($"cannot open the state database {DatabasePath}: {e.Message}; its directory "
                + "must be writable by the service user and the disk must have room", e);
        }

        StateLog.Opened(_logger, DatabasePath, version);
    }

    public string DatabasePath { get; }

    public void Dispose() => SqliteConnection.ClearAllPools();

    private int Initialise()
    {
        using var connection = Open();

        // WAL is a property of the database file and stays set once written. It lets readers
        // (status, history) go on while a job writes, and makes a commit a single append.
        Execute(connection, "PRAGMA journal_mode = WAL;");

        var version = ReadUserVersion(connection);
        if (version > StateMigrations.LatestVersion)
        {
            throw new InvalidOperationException(
                $"{DatabasePath} has schema version {version}, newer than this build knows " +
                $"({StateMigrations.LatestVersion}); refusing to use it with an older RegistryOps");
        }

        foreach (var migration in StateMigrations.All.Where(m => m.Version > version))
        {
            // One transaction per step: user_version lives in the database header and is part of
            // the same transaction, so a crash mid-step leaves the previous version intact.
            using var transaction = connection.BeginTransaction(deferred: false);

            // A one-shot command and the daemon may create a new state.db at the same moment: the
            // version read above can be stale by the time this process holds the write lock.
            if (ReadUserVersion(connection, transaction) >= migration.Version)
            {
                version = migration.Version;
                continue;
            }

            Execute(connection, migration.Sql, transaction);
            Execute(connection, $"PRAGMA user_version = {migration.Version};", transaction);
            transaction.Commit();

            version = migration.Version;
            StateLog.Migrated(_logger, version, migration.Description);
        }

        return version;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();

        // Per-connection settings. synchronous=FULL fsyncs the WAL at every commit: a run recorded
        // as begun or finished stays recorded even across a power cut, not only a process crash.
        // The writes are a few per run, so the cost does not matter.
        Execute(connection, $"PRAGMA busy_timeout = {BusyTimeoutMs}; PRAGMA synchronous = FULL;");
        return connection;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);

        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMs}; PRAGMA synchronous = FULL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private static int ReadUserVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(
        SqliteConnection connection,
        string sql,
        SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // Fixed-width UTC text: readable in the sqlite3 shell and sorts in time order.
    private static string ToText(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset FromText(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
