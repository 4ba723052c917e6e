using Microsoft.Data.Sqlite;
using RegistryOps.Core.Jobs;
using RegistryOps.Core.State;

namespace RegistryOps.Tests.State;

public sealed class SqliteStateStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 29, 0, 30, 0, TimeSpan.Zero);

    private readonly TestDirectory _dir = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Open_EmptyDirectory_CreatesPrivateDirectoryAndLatestSchemaInWalMode()
    {
        using var store = new SqliteStateStore(_dir.Path);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(_dir.Path));
        Assert.Equal(StateMigrations.LatestVersion, Scalar<long>(store, "PRAGMA user_version;"));
        Assert.Equal("wal", Scalar<string>(store, "PRAGMA journal_mode;"));
        Assert.Equal(1L, Scalar<long>(store, "SELECT count(*) FROM sqlite_master WHERE name = 'runs';"));
        Assert.Equal(1L, Scalar<long>(store, "SELECT count(*) FROM sqlite_master WHERE name = 'job_state';"));
    }

    [Fact]
    public async Task Open_Twice_RunsNoMigrationAgainAndKeepsData()
    {
        using (var first = new SqliteStateStore(_dir.Path))
        {
            await first.SetJobStateAsync("changes", "snapshot", "{}", default);
        }

        using var second = new SqliteStateStore(_dir.Path);

        Assert.Equal("{}", await second.GetJobStateAsync("changes", "snapshot", default));
    }

    [Fact]
    public async Task Open_SameNewDatabaseFromSeveralStoresAtOnce_MigratesOnceWithoutError()
    {
        // A one-shot command started next to a first-starting daemon: both find no schema and
        // both try to create it. Only one may; the other must see the new version and go on.
        for (var round = 0; round < 10; round++)
        {
            var path = Path.Combine(_dir.Path, $"round-{round}");
            using var start = new Barrier(6);

            var opens = Enumerable.Range(0, 6).Select(_ => Task.Run(() =>
            {
                start.SignalAndWait();
                return new SqliteStateStore(path);
            })).ToList();
            var stores = await Task.WhenAll(opens);

            Assert.All(stores,
                s => Assert.Equal(StateMigrations.LatestVersion, Scalar<long>(s, "PRAGMA user_version;")));
            foreach (var store in stores)
            {
                store.Dispose();
            }
        }
    }

    [Fact]
    public void Open_DatabaseFromNewerBuild_IsRefused()
    {
        using (var store = new SqliteStateStore(_dir.Path))
        {
            Scalar<long>(store, "PRAGMA user_version = 99; SELECT 0;");
        }

        var error = Assert.Throws<InvalidOperationException>(() => new SqliteStateStore(_dir.Path));

        Assert.Contains("schema version 99", error.Message);
    }

    [Fact]
    public async Task History_RoundTrip_NewestFirstWithEveryField()
    {
        using var store = new SqliteStateStore(_dir.Path);
        await store.BeginRunAsync("r1", "sync", JobTrigger.Schedule, T0, default);
        await store.CompleteRunAsync("r1", JobOutcome.Partial, "2 of 40 failed", T0.AddMinutes(3), default);
        await store.BeginRunAsync("r2", "gc", JobTrigger.Manual, T0.AddMinutes(5), default);

        var history = await store.GetHistoryAsync(null, 10, default);

        Assert.Equal(["r2", "r1"], history.Select(r => r.RunId));
        Assert.Equal(new RunRecord("r2", "gc", JobTrigger.Manual, T0.AddMinutes(5), null, null, null), history[0]);
        Assert.Equal(new RunRecord("r1", "sync", JobTrigger.Schedule, T0, T0.AddMinutes(3), JobOutcome.Partial,
            "2 of 40 failed"), history[1]);
        Assert.Equal(["r1"], (await store.GetHistoryAsync("sync", 10, default)).Select(r => r.RunId));
    }

    [Fact]
    public async Task GetLastRun_FiltersByOutcomeAndIgnoresUnfinished()
    {
        using var store = new SqliteStateStore(_dir.Path);
        await store.BeginRunAsync("a", "sync", JobTrigger.Schedule, T0, default);
        await store.CompleteRunAsync("a", JobOutcome.Succeeded, "ok", T0.AddMinutes(1), default);
        await store.BeginRunAsync("b", "sync", JobTrigger.Schedule, T0.AddHours(1), default);
        await store.CompleteRunAsync("b", JobOutcome.Failed, "boom", T0.AddHours(1).AddMinutes(1), default);
        await store.BeginRunAsync("c", "sync", JobTrigger.Schedule, T0.AddHours(2), default);

        Assert.Equal("a", (await store.GetLastRunAsync("sync", JobOutcome.Succeeded, default))?.RunId);
        Assert.Equal("b", (await store.GetLastRunAsync("sync", null, default))?.RunId);
        Assert.Null(await store.GetLastRunAsync("gc", null, default));
    }

    [Fact]
    public async Task AbandonUnfinishedRuns_AfterSimulatedCrash_MarksTheRunAbandoned()
    {
        // The first "process" begins a run and disappears without completing it.
        using (var crashed = new SqliteStateStore(_dir.Path))
        {
            await crashed.BeginRunAsync("r1", "gc", JobTrigger.Schedule, T0, default);
            await crashed.BeginRunAsync("r0", "sync", JobTrigger.Schedule, T0.AddMinutes(-1), default);
            await crashed.CompleteRunAsync("r0", JobOutcome.Succeeded, "ok", T0, default);
        }

        using var restarted = new SqliteStateStore(_dir.Path);
        var abandoned = await restarted.AbandonUnfinishedRunsAsync(T0.AddHours(1), default);

        var run = Assert.Single(abandoned);
        Assert.Equal("r1", run.RunId);
        var stored = (await restarted.GetHistoryAsync("gc", 1, default))[0];
        Assert.Equal(JobOutcome.Abandoned, stored.Outcome);
        Assert.Equal(T0.AddHours(1), stored.EndedAt);
        Assert.Equal(JobOutcome.Succeeded, (await restarted.GetLastRunAsync("sync", null, default))?.Outcome);
        Assert.Empty(await restarted.AbandonUnfinishedRunsAsync(T0.AddHours(2), default));
    }

    [Fact]
    public async Task ConcurrentWriters_AllRowsAndValuesArrive()
    {
        using var store = new SqliteStateStore(_dir.Path);

        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                var id = $"w{w}-{i:D2}";
                await store.BeginRunAsync(id, $"job{w}", JobTrigger.Schedule, T0.AddSeconds(i), default);
                await store.SetJobStateAsync($"job{w}", "counter", i.ToString(), default);
                await store.CompleteRunAsync(id, JobOutcome.Succeeded, "ok", T0.AddSeconds(i + 1), default);
            }
        }));
        await Task.WhenAll(writers);

        Assert.Equal(200, (await store.GetHistoryAsync(null, 1000, default)).Count(r => r.EndedAt is not null));
        for (var w = 0; w < 8; w++)
        {
            Assert.Equal("24", await store.GetJobStateAsync($"job{w}", "counter", default));
        }
    }

    [Fact]
    public async Task JobState_SetTwice_KeepsTheLastValue()
    {
        using var store = new SqliteStateStore(_dir.Path);

        await store.SetJobStateAsync("changes", "snapshot", "old", default);
        await store.SetJobStateAsync("changes", "snapshot", "new", default);

        Assert.Equal("new", await store.GetJobStateAsync("changes", "snapshot", default));
        Assert.Null(await store.GetJobStateAsync("changes", "other", default));
    }

    [Fact]
    public async Task CompleteRun_UnknownRun_Throws()
    {
        using var store = new SqliteStateStore(_dir.Path);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => store.CompleteRunAsync("nope", JobOutcome.Succeeded, "", T0, default));
    }

    private static T Scalar<T>(SqliteStateStore store, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={store.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }
}
