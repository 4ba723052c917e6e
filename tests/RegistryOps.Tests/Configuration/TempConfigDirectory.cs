namespace RegistryOps.Tests.Configuration;

/// <summary>A private temporary directory for one test's config and secret files; removed on
/// dispose. Files are written with mode 600 unless a test asks for another.</summary>
internal sealed class TempConfigDirectory : IDisposable
{
    public TempConfigDirectory()
    {
        Path = Directory.CreateTempSubdirectory("registryops-config-").FullName;
    }

    public string Path { get; }

    public string Write(
        string name,
        string content,
        UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite)
    {
        var full = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(full, mode);
        }

        return full;
    }

    /// <summary>Writes a config file from lines joined with \n, so tests can count lines.</summary>
    public string WriteConfig(params string[] lines) => Write("registryops.yml", string.Join("\n", lines) + "\n");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; failing the test for it is not.
        }
    }
}
