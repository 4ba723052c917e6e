using System.Runtime.InteropServices;
using System.Text;

namespace RegistryOps.Core.Coordination;

/// <summary>
/// An advisory flock on a file, taken without waiting. On Unix, .NET takes flock(LOCK_EX) for a
/// file opened with <see cref="FileShare.None"/> and flock(LOCK_SH) for one opened read-only and
/// shared, and fails at once with a plain <see cref="IOException"/> when another open file holds a
/// conflicting lock. The kernel drops the lock when the process dies, even by kill -9. Lock files
/// are never deleted: deleting one lets two processes lock two different inodes.
/// </summary>
internal sealed class LockFile : IDisposable
{
    private readonly FileStream _stream;
    private readonly bool _exclusive;

    private LockFile(FileStream stream, bool exclusive)
    {
        _stream = stream;
        _exclusive = exclusive;
    }

    /// <summary>Takes the lock exclusively and writes <paramref name="owner"/> into the file, or
    /// returns null when someone else holds it.</summary>
    public static LockFile? TryExclusive(string path, string owner)
    {
        var stream = TryOpen(() =>
            new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        if (stream is null)
        {
            return null;
        }

        stream.SetLength(0);
        stream.Write(Encoding.UTF8.GetBytes(owner + "\n"));
        stream.Flush(flushToDisk: false);
        return new LockFile(stream, exclusive: true);
    }

    /// <summary>Takes the lock shared (a shared holder cannot write its name), or returns null when
    /// someone holds it exclusively.</summary>
    public static LockFile? TryShared(string path)
    {
        var stream = TryOpen(() =>
            new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite));
        return stream is null ? null : new LockFile(stream, exclusive: false);
    }

    /// <summary>What the exclusive holder wrote, or <paramref name="fallback"/>. .NET's own file APIs
    /// cannot read a file another process holds with flock (they try a shared flock themselves), so
    /// this reads it through libc.</summary>
    public static string ReadOwner(string path, string fallback)
    {
        try
        {
            var fd = LibC.open(path, 0);
            if (fd < 0)
            {
                return fallback;
            }

            try
            {
                var buffer = new byte[512];
                var length = LibC.read(fd, buffer, buffer.Length);
                var text = length > 0 ? Encoding.UTF8.GetString(buffer, 0, (int)length).Trim() : "";
                return text.Length > 0 ? text : fallback;
            }
            finally
            {
                LibC.close(fd);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return fallback;
        }
    }

    public void Dispose()
    {
        // Emptied on release so a stale name is never read as the current holder.
        if (_exclusive)
        {
            _stream.SetLength(0);
        }

        _stream.Dispose();
    }

    private static FileStream? TryOpen(Func<FileStream> open)
    {
        try
        {
            return open();
        }
        catch (IOException e) when (e.GetType() == typeof(IOException))
        {
            // Plain IOException is "locked by someone else" (EWOULDBLOCK); subclasses such as
            // DirectoryNotFoundException are real faults and go up.
            return null;
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
