using RegistryOps.Core.Coordination;
using RegistryOps.Core.Jobs;
using RegistryOps.Tests.State;

namespace RegistryOps.Tests.Coordination;

public sealed class RegistryLockManagerTests : IDisposable
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

    private readonly TestDirectory _runtime = new();

    public void Dispose() => _runtime.Dispose();

    [Fact]
    public async Task SharedAndShared_AreHeldAtTheSameTime()
    {
        var locks = NewManager();

        await using var sync = await locks.AcquireAsync(RegistryAccess.Shared, "sync", Long, default);
        await using var changes = await locks.AcquireAsync(RegistryAccess.Shared, "changes", Long, default);

        Assert.Equal(["sync", "changes"], locks.Snapshot().Holders.Select(h => h.Name));
    }

    [Fact]
    public async Task Exclusive_KeepsSharedWaitingUntilReleased()
    {
        var locks = NewManager();
        var gc = await locks.AcquireAsync(RegistryAccess.Exclusive, "gc", Long, default);

        var sync = locks.AcquireAsync(RegistryAccess.Shared, "sync", Long, default);
        await Task.Delay(100);
        Assert.False(sync.IsCompleted);
        Assert.Equal("sync", Assert.Single(locks.Snapshot().Waiters).Name);

        await gc.DisposeAsync();
        await using var held = await sync.WaitAsync(Long);
        Assert.Equal("sync", Assert.Single(locks.Snapshot().Holders).Name);
    }

    [Fact]
    public async Task WaitingExclusive_BlocksNewSharedRequests()
    {
        var locks = NewManager();
        var first = await locks.AcquireAsync(RegistryAccess.Shared, "sync", Long, default);

        var gc = locks.AcquireAsync(RegistryAccess.Exclusive, "gc", Long, default);
        await WaitUntilAsync(() => locks.Snapshot().Waiters.Count == 1);
        var changes = locks.AcquireAsync(RegistryAccess.Shared, "changes", Long, default);
        await Task.Delay(100);

        Assert.False(gc.IsCompleted);
        Assert.False(changes.IsCompleted);
        Assert.Equal(["gc", "changes"], locks.Snapshot().Waiters.Select(w => w.Name));

        await first.DisposeAsync();
        var gcLease = await gc.WaitAsync(Long);
        await Task.Delay(50);
        Assert.False(changes.IsCompleted);

        await gcLease.DisposeAsync();
        await using var changesLease = await changes.WaitAsync(Long);
        Assert.Empty(locks.Snapshot().Waiters);
    }

    [Fact]
    public async Task Exclusives_AreServedInArrivalOrder()
    {
        var locks = NewManager();
        var gc = await locks.AcquireAsync(RegistryAccess.Exclusive, "gc", Long, default);
        var backup = locks.AcquireAsync(RegistryAccess.Exclusive, "backup", Long, default);
        await WaitUntilAsync(() => locks.Snapshot().Waiters.Count == 1);
        var other = locks.AcquireAsync(RegistryAccess.Exclusive, "other", Long, default);
        await WaitUntilAsync(() => locks.Snapshot().Waiters.Count == 2);

        await gc.DisposeAsync();
        var backupLease = await backup.WaitAsync(Long);
        await Task.Delay(50);

        Assert.False(other.IsCompleted);
        await backupLease.DisposeAsync();
        await using var otherLease = await other.WaitAsync(Long);
    }

    [Fact]
    public async Task Deadline_ThrowsNamingTheHolderAndLeavesNoWaiter()
    {
        var locks = NewManager();
        await using var gc = await locks.AcquireAsync(RegistryAccess.Exclusive, "gc", Long, default);

        var error = await Assert.ThrowsAsync<LockTimeoutException>(
            () => locks.AcquireAsync(RegistryAccess.Shared, "sync", TimeSpan.FromMilliseconds(150), default));

        Assert.Equal("gc (exclusive)", error.HeldBy);
        Assert.Contains("within 150ms; held by gc", error.Message);
        Assert.Empty(locks.Snapshot().Waiters);
    }

    [Fact]
    public async Task Cancellation_RemovesTheWaiterAndLetsThoseBehindItIn()
    {
        var locks = NewManager();
        var sync = await locks.AcquireAsync(RegistryAccess.Shared, "sync", Long, default);
        using var cancel = new CancellationTokenSource();
        var gc = locks.AcquireAsync(RegistryAccess.Exclusive, "gc", Long, cancel.Token);
        await WaitUntilAsync(() => locks.Snapshot().Waiters.Count == 1);
        var changes = locks.AcquireAsync(RegistryAccess.Shared, "changes", Long, default);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gc);
        await using var changesLease = await changes.WaitAsync(Long);
        Assert.Empty(locks.Snapshot().Waiters);
        await sync.DisposeAsync();
        Assert.Equal(["changes"], locks.Snapshot().Holders.Select(h => h.Name));
    }

    [Fact]
    public async Task Release_Twice_ReleasesOnce()
    {
        var locks = NewManager();
        var a = await locks.AcquireAsync(RegistryAccess.Shared, "a", Long, default);
        await using var b = await locks.AcquireAsync(RegistryAccess.Shared, "b", Long, default);

        await a.DisposeAsync();
        await a.DisposeAsync();

        Assert.Equal(["b"], locks.Snapshot().Holders.Select(h => h.Name));
    }

    [Fact]
    public async Task NoneAccess_TakesNothing()
    {
        var locks = NewManager();
        await using var gc = await locks.AcquireAsync(RegistryAccess.Exclusive, "gc", Long, default);

        await using var logrotate = await locks.AcquireAsync(RegistryAccess.None, "logrotate", Long, default);

        Assert.Equal(["gc"], locks.Snapshot().Holders.Select(h => h.Name));
    }

    [Fact]
    public async Task FileLock_SecondManagerOnSameRuntimeDirectory_WaitsForTheFirst()
    {
        // Two managers on one runtime directory stand for the daemon and a one-shot command.
        var daemon = NewManager();
        var once = NewManager();
        var gc = await daemon.AcquireAsync(RegistryAccess.Exclusive, "gc", Long, default);

        var error = await Assert.ThrowsAsync<LockTimeoutException>(
            () => once.AcquireAsync(RegistryAccess.Exclusive, "backup", TimeSpan.FromMilliseconds(300), default));

        Assert.StartsWith($"pid {Environment.ProcessId} (gc) since ", error.HeldBy);
        Assert.Empty(once.Snapshot().Holders);
        Assert.Empty(once.Snapshot().Waiters);

        var waiting = once.AcquireAsync(RegistryAccess.Exclusive, "backup", Long, default);
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);
        await gc.DisposeAsync();
        await using var backup = await waiting.WaitAsync(Long);
        Assert.Equal("backup", Assert.Single(once.Snapshot().Holders).Name);
    }

    [Fact]
    public async Task FileLock_SharedAccessDoesNotTakeIt()
    {
        var daemon = NewManager();
        var once = NewManager();
        await using var sync = await daemon.AcquireAsync(RegistryAccess.Shared, "sync", Long, default);

        await using var gc = await once.AcquireAsync(RegistryAccess.Exclusive, "gc", TimeSpan.FromSeconds(1), default);

        Assert.True(File.Exists(Path.Combine(_runtime.Path, "registry.lock")));
    }

    private RegistryLockManager NewManager() => new(_runtime.Path);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Long;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "condition not reached in time");
            await Task.Delay(10);
        }
    }
}
