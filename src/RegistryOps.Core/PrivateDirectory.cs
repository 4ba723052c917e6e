namespace RegistryOps.Core;

/// <summary>Directories that hold the daemon's own files (state, runtime).</summary>
internal static class PrivateDirectory
{
    /// <summary>Creates a missing directory as 0700. An existing one (made by systemd's
    /// StateDirectory= or RuntimeDirectory=) keeps the mode it has.</summary>
    public static void Create(string directory)
    {
        if (Directory.Exists(directory))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(directory,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The framework's text names only the path; say which directory it was meant to be.
            throw new IOException($"cannot create directory {Path.GetFullPath(directory)}: {e.Message}", e);
        }
    }
}
