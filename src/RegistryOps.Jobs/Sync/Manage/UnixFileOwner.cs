using System.Runtime.InteropServices;

namespace RegistryOps.Jobs.Sync.Manage;

/// <summary>The two POSIX calls .NET has no API for: a file's owner, and fsync of a folder.</summary>
internal static class UnixFileOwner
{
    /// <summary>Gives <paramref name="to"/> the owner and group of <paramref name="from"/>. Only on
    /// x64 and arm64 Linux, where the layout of struct stat is known; a failing chown (not root and
    /// not the owner) leaves the current user as owner, which is then also the writer of the file.</summary>
    public static void CopyOwner(string from, string to)
    {
        var (uidOffset, gidOffset) = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => (28, 32),
            Architecture.Arm64 => (24, 28),
            _ => (-1, -1),
        };
        if (uidOffset < 0 || !OperatingSystem.IsLinux())
        {
            return;
        }

        var buffer = new byte[256];
        if (Stat(from, buffer) != 0)
        {
            return;
        }

        var uid = BitConverter.ToInt32(buffer, uidOffset);
        var gid = BitConverter.ToInt32(buffer, gidOffset);
        _ = Chown(to, uid, gid);
    }

    public static void SyncDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var fd = Open(directory, 0);
        if (fd < 0)
        {
            return;
        }

        _ = Fsync(fd);
        _ = Close(fd);
    }

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int Stat(string path, byte[] buffer);

    [DllImport("libc", EntryPoint = "chown", SetLastError = true)]
    private static extern int Chown(string path, int owner, int group);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
