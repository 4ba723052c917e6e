using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RegistryOps.Core.Jobs;
using RegistryOps.Core.Telemetry;

namespace RegistryOps.Core.Coordination;

/// <summary>
/// Shared / exclusive access to the registry within this process, plus the advisory file lock for
/// exclusive access across processes. Requests are served first come, first served: a shared
/// request is granted at once only when nobody holds exclusively and nobody waits, so a waiting
/// exclusive request blocks shared requests that come after it, and exclusives are served in the
/// order they asked. Shared requests queued together are granted together.
/// </summary>
public sealed class RegistryLockManager : IRegistryLockManager
{
    private readonly object _gate = new();
    private readonly List<LockRequest> _holders = [];
    private readonly LinkedList<LockRequest> _waiters = new();
    private readonly RegistryFileLock _fileLock;
    private readonly RegistryOpsMetrics? _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public RegistryLockManager(string runtimeDirectory, RegistryOpsMetrics? metrics = null,
        TimeProvider? time = null, ILogger<RegistryLockManager>? logger = null)
    {
        _metrics = metrics;
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _fileLock = new RegistryFileLock(runtimeDirectory, _time, _logger);
    }

    /// <summary>Path of the advisory lock file taken for exclusive access.</summary>
    public string LockFilePath => _fileLock.Path;

    public async Task<IAsyncDisposable> AcquireAsync(RegistryAccess access, string holder, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (access == RegistryAccess.None)
        {
            return LockLease.None;
        }

        var started = _time.GetTimestamp();
        var deadline = timeout == Timeout.InfiniteTimeSpan
            ? DateTimeOffset.MaxValue
            : _time.GetUtcNow() + timeout;
        var request = new LockRequest(holder, access, _time.GetUtcNow());

        await WaitInProcessAsync(request, timeout, cancellationToken);

        if (access == RegistryAccess.Exclusive)
        {
            try
            {
                request.FileLock = await _fileLock.AcquireAsync(holder, deadline, timeout, cancellationToken);
            }
            catch (Exception e)
            {
                CoordinationLog.GaveUp(_logger, holder, access, e.Message);
                Release(request);
                throw;
            }
        }

        var waited = _time.GetElapsedTime(started);
        _metrics?.RecordLockWait(access, waited);
        CoordinationLog.Acquired(_logger, holder, access, waited.TotalSeconds);
        return new LockLease(() => Release(request));
    }

    public LockSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new LockSnapshot(
                _holders.Select(h => h.ToParty()).ToList(),
                _waiters.Select(w => w.ToParty()).ToList());
        }
    }

    private async Task WaitInProcessAsync(LockRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        string heldBy;
        lock (_gate)
        {
            if (CanGrantOnArrival(request.Access))
            {
                Grant(request);
                PublishCounts();
                return;
            }

            request.Node = _waiters.AddLast(request);
            heldBy = DescribeHolders();
            PublishCounts();
        }

        CoordinationLog.Waiting(_logger, request.Name, request.Access, heldBy);
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            await request.Granted.Task.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            heldBy = Withdraw(request);
            var reason = cancellationToken.IsCancellationRequested ? "cancelled" : "deadline passed";
            CoordinationLog.GaveUp(_logger, request.Name, request.Access, reason);

            cancellationToken.ThrowIfCancellationRequested();
            throw new LockTimeoutException(request.Access, timeout, heldBy);
        }
    }

    /// <summary>Takes a waiter out of the queue; if it was granted in the meantime, releases it.
    /// Returns who held the lock at that moment, for the timeout message.</summary>
    private string Withdraw(LockRequest request)
    {
        lock (_gate)
        {
            var heldBy = DescribeHolders(except: request);
            if (request.IsGranted)
            {
                _holders.Remove(request);
            }
            else if (request.Node is not null)
            {
                _waiters.Remove(request.Node);
                request.Node = null;
            }

            GrantWaiters();
            PublishCounts();
            return heldBy;
        }
    }

    private void Release(LockRequest request)
    {
        // The file lock goes first, so an exclusive waiter woken below finds the file free.
        request.FileLock?.Dispose();
        request.FileLock = null;

        lock (_gate)
        {
            _holders.Remove(request);
            GrantWaiters();
            PublishCounts();
        }

        CoordinationLog.Released(_logger, request.Name, request.Access);
    }

    private bool CanGrantOnArrival(RegistryAccess access) =>
        _waiters.Count == 0 && (access == RegistryAccess.Shared
            ? _holders.TrueForAll(h => h.Access == RegistryAccess.Shared)
            : _holders.Count == 0);

    private void GrantWaiters()
    {
        while (_waiters.First is { } node)
        {
            var next = node.Value;
            var free = next.Access == RegistryAccess.Shared
                ? _holders.TrueForAll(h => h.Access == RegistryAccess.Shared)
                : _holders.Count == 0;
            if (!free)
            {
                return;
            }

            _waiters.RemoveFirst();
            next.Node = null;
            Grant(next);
        }
    }

    private void Grant(LockRequest request)
    {
        request.IsGranted = true;
        request.Since = _time.GetUtcNow();
        _holders.Add(request);
        request.Granted.TrySetResult();
    }

    private string DescribeHolders(LockRequest? except = null)
    {
        if (_holders.Count > 0)
        {
            return string.Join(", ", _holders.Select(h => $"{h.Name} ({h.Access.ToString().ToLowerInvariant()})"));
        }

        var queued = _waiters.Where(w => w != except).Select(w => w.Name).ToList();
        return queued.Count > 0 ? "nobody; queued ahead: " + string.Join(", ", queued) : "nobody";
    }

    private void PublishCounts() =>
        _metrics?.SetLockCounts(
            _holders.Count(h => h.Access == RegistryAccess.Shared),
            _holders.Count(h => h.Access == RegistryAccess.Exclusive),
            _waiters.Count(w => w.Access == RegistryAccess.Shared),
            _waiters.Count(w => w.Access == RegistryAccess.Exclusive));
}
