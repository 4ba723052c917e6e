namespace RegistryOps.Core.Logging;

/// <summary>
/// Tells whether this process writes to the journal, the way systemd.exec(5) describes it:
/// systemd sets <c>JOURNAL_STREAM=DEVICE:INODE</c> for a service whose output is connected to
/// journald, and the process compares that with its own standard error or output. The variable
/// alone is not enough because child processes inherit it with their output redirected.
/// </summary>
public static class JournalStream
{
    public static bool IsConnected() =>
        IsConnected(Environment.GetEnvironmentVariable("JOURNAL_STREAM"), "/proc/self/fd/2")
        || IsConnected(Environment.GetEnvironmentVariable("JOURNAL_STREAM"), "/proc/self/fd/1");

    /// <summary>True when <paramref name="descriptorLink"/> (a /proc fd link) is the socket
    /// named by <paramref name="journalStream"/>.</summary>
    internal static bool IsConnected(string? journalStream, string descriptorLink)
    {
        if (string.IsNullOrEmpty(journalStream))
        {
            return false;
        }

        var separator = journalStream.IndexOf(':');
        if (separator < 0)
        {
            return false;
        }

        var inode = journalStream[(separator + 1)..];
        try
        {
            // A socket's /proc link reads "socket:[INODE]"; the device is the sockfs one.
            var target = new FileInfo(descriptorLink).LinkTarget;
            return target == $"socket:[{inode}]";
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
