using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;
using RegistryOps.Core.Jobs;

namespace RegistryOps.Core.Coordination;

/// <summary>
/// The advisory lock file <c>registry.lock</c> that makes exclusive registry access exclusive across
/// processes (daemon and one-shot commands). On Unix, .NET takes flock(LOCK_EX) for a file opened
/// with <see cref="FileShare.None"/>; the kernel drops it when the process dies, even by kill -9, so
/// a crash never leaves the registry locked. The file itself is never deleted: deleting a lock file
/// lets two processes lock two different inodes.
/// </summary>
internal sealed class RegistryFileLock(string runtimeDirectory, TimeProvider time, ILogger logger)
{
    public const string FileName = "registry.lock";

    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(1);

    public string Path { get; } = System.IO.Path.Combine(runtimeDirectory, FileName);

    /// <summary>Takes the file lock, polling with backoff until <paramref name="deadline"/>; throws
    /// <see cref="LockTimeoutException"/> naming the other process when it passes.</summary>
    public async Task<IDisposable> AcquireAsync(string holder, DateTimeOffset deadline, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        PrivateDirectory.Create(runtimeDirectory);
        var poll = FirstPoll;
        var logged = false;

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TryOpen(holder) is { } held)
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
                throw new LockTimeoutException(RegistryAccess.Exclusive, timeout, DescribeOwner());
            }

            await Task.Delay(left < poll ? left : poll, time, cancellationToken);
            poll = poll * 2 < LongestPoll ? poll * 2 : LongestPoll;
        }
    }

    private Held? TryOpen(string holder)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e.GetType() == typeof(IOException))
        {
            // Plain IOException is "locked by someone else" (EWOULDBLOCK); subclasses such as
            // DirectoryNotFoundException are real faults and go up.
            return null;
        }

        var owner = string.Create(CultureInfo.InvariantCulture,
            $"pid {Environment.ProcessId} ({holder}) since {time.GetUtcNow():yyyy-MM-ddTHH:mm:ssZ}\n");
        stream.SetLength(0);
        stream.Write(Encoding.UTF8.GetBytes(owner));
        stream.Flush(flushToDisk: false);
        return new Held(stream);
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
                return text.Length > 0 ? text : "another process";
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

    private sealed class Held(FileStream stream) : IDisposable
    {
        public void Dispose()
        {
            // Emptied on release so a stale name is never read as the current holder.
            stream.SetLength(0);
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
