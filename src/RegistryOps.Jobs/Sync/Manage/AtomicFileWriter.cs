using System.Text;

namespace RegistryOps.Jobs.Sync.Manage;

/// <summary>
/// Replaces a file so that readers see the old or the new contents, never a half-written file:
/// a temporary file in the same folder (readable by its owner only until it has the original's
/// owner and mode, so a file holding passwords is never open to others), written and fsynced,
/// renamed over the original, and the folder fsynced so the rename survives a crash.
/// </summary>
internal static class AtomicFileWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string path, string text)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("regsync files are edited on Linux only");
        }

        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.tmp-{Guid.NewGuid():N}");
        var exists = File.Exists(full);
        var mode = exists ? File.GetUnixFileMode(full) : UnixFileMode.UserRead | UnixFileMode.UserWrite
            | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                // Owner-only until the original owner and mode are in place.
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            };
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(Utf8.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            if (exists)
            {
                UnixFileOwner.CopyOwner(full, temp);
            }

            File.SetUnixFileMode(temp, mode);
            File.Move(temp, full, overwrite: true);
            UnixFileOwner.SyncDirectory(directory);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
