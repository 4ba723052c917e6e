using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;
using RegistryOps.Core.Jobs;

namespace RegistryOps.Core.Coordination;

/// <summary>
/// The advisory lock file <c>registry.lock</c> that carries registry access across processes (the
/// daemon and one-shot commands). On Unix, .NET takes flock(LOCK_EX) for a file opened with
/// <see cref="FileShare.None"/> and flock(LOCK_SH) for one opened read-only and shared: exclusive
/// holders write "pid N (job) since T" into it, shared holders cannot write and leave it empty. The
/// kernel drops the lock when the process dies, even by kill -9, so a crash never leaves the
/// registry locked. The file is never deleted: deleting a lock file lets two processes lock two
/// different inodes. flock has no queue, so across processes there is no writer preference.
/// </summary>
internal sealed class RegistryFileLock(string runtimeDirectory, TimeProvider time, ILogger logger)
{
    public const string FileName = "registry.lock";

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
            if (TryOpen(access, holder) is { } held)
            {
                return held;
            }

            if (!logged)
            {
                CoordinationLog.FileLockBusy(logger, Path, DescribeOwner(), holder);
                logged = true;
            }

            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                throw new LockTimeoutException(access, timeout, DescribeOwner());
            }

            await Task.Delay(left < poll ? left : poll, time, cancellationToken);
            poll = poll * 2 < LongestPoll ? poll * 2 : LongestPoll;
        }
    }

    private Held? TryOpen(RegistryAccess access, string holder)
    {
        var exclusive = access == RegistryAccess.Exclusive;
        FileStream stream;
        try
        {
            stream = exclusive
                ? new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)
                : new FileStream(Path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
        }
        catch (IOException e) when (e.GetType() == typeof(IOException))
        {
            // Plain IOException is "locked by someone else" (EWOULDBLOCK); subclasses such as
            // DirectoryNotFoundException are real faults and go up.
            return null;
        }

        if (!exclusive)
        {
            return new Held(stream, exclusive);
        }

        var owner = string.Create(CultureInfo.InvariantCulture,
            $"pid {Environment.ProcessId} ({holder}) since {time.GetUtcNow():yyyy-MM-ddTHH:mm:ssZ}\n");
        stream.SetLength(0);
        stream.Write(Encoding.UTF8.GetBytes(owner));
        stream.Flush(flushToDisk: false);
        return new Held(stream, exclusive);
    }

    /// <summary>What the holder wrote into the file. .NET's own file APIs cannot read a file another
    /// process holds with flock (they try a shared flock themselves), so this reads it through libc.</summary>
    private string DescribeOwner()
    {
        try
        {
            var fd = LibC.open(Path, 0);
            if (fd < 0)
            {
                return "another process";
            }

            try
            {
                var buffer = new byte[512];
                var length = LibC.read(fd, buffer, buffer.Length);
                var text = length > 0 ? Encoding.UTF8.GetString(buffer, 0, (int)length).Trim() : "";
                return text.Length > 0 ? text : "another process with shared access";
            }
            finally
            {
                LibC.close(fd);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return "another process";
        }
    }

    private sealed class Held(FileStream stream, bool exclusive) : IDisposable
    {
        public void Dispose()
        {
            // Emptied on release so a stale name is never read as the current holder.
            if (exclusive)
            {
                stream.SetLength(0);
            }

            stream.Dispose();
        }
    }

    private static class LibC
    {
        [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false,
            ThrowOnUnmappableChar = true)]
        public static extern int open(string path, int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern nint read(int fd, byte[] buffer, nint count);

        [DllImport("libc")]
        public static extern int close(int fd);
    }
}
