using System.Globalization;
using Microsoft.Extensions.Logging;
using RegistryOps.Core.Jobs;

namespace RegistryOps.Core.Coordination;

/// <summary>
/// The lock file <c>registry.lock</c> that carries registry access across processes (the daemon
/// and one-shot commands): exclusive holders take it exclusively and write "pid N (job) since T"
/// into it, shared holders take it shared. flock has no queue, so across processes there is no
/// writer preference: a waiting exclusive holder polls until the shared holders are gone.
/// </summary>
internal sealed class RegistryFileLock(string runtimeDirectory, TimeProvider time, ILogger logger)
{
    public const string FileName = "registry.lock";

    private const string SharedOwner = "another process with shared access";

    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(1);

    public string Path { get; } = System.IO.Path.Combine(runtimeDirectory, FileName);

    /// <summary>Takes the file lock, polling with backoff until <paramref name="deadline"/>; throws
    /// <see cref="LockTimeoutException"/> naming the other process when it passes.</summary>
    public async Task<IDisposable> AcquireAsync(RegistryAccess access, string holder, DateTimeOffset deadline,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        PrivateDirectory.Create(runtimeDirectory);
        var poll = FirstPoll;
        var logged = false;

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TryTake(access, holder) is { } held)
            {
                return held;
            }

            if (!logged)
            {
                CoordinationLog.FileLockBusy(logger, Path, LockFile.ReadOwner(Path, SharedOwner), holder);
                logged = true;
            }

            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                throw new LockTimeoutException(access, timeout, LockFile.ReadOwner(Path, SharedOwner));
            }

            await Task.Delay(left < poll ? left : poll, time, cancellationToken);
            poll = poll * 2 < LongestPoll ? poll * 2 : LongestPoll;
        }
    }

    private LockFile? TryTake(RegistryAccess access, string holder)
    {
        if (access != RegistryAccess.Exclusive)
        {
            return LockFile.TryShared(Path);
        }

        var owner = string.Create(CultureInfo.InvariantCulture,
            $"pid {Environment.ProcessId} ({holder}) since {time.GetUtcNow():yyyy-MM-ddTHH:mm:ssZ}");
        return LockFile.TryExclusive(Path, owner);
    }
}
