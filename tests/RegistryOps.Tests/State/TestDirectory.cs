namespace RegistryOps.Tests.State;

/// <summary>A fresh directory under /tmp, removed with everything in it on dispose.</summary>
internal sealed class TestDirectory : IDisposable
{
    public TestDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "registryops-tests",
            Guid.NewGuid().ToString("N")[..12]);
    }

    public string Path { get; }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
