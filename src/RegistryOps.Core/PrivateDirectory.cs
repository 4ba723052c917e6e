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

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
