namespace RegistryOps.IntegrationTests.Infrastructure;

/// <summary>
/// The registry image the tests run: Debian's distribution registry binary (2.8) with the two
/// libraries it links, imported from a folder. Built once per engine and reused by tag.
/// </summary>
public static class RegistryImage
{
    public const string Name = "registryops-test/registry:2.8";

    private const string Binary = "/usr/bin/docker-registry";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _ready;

    public static async Task<string> EnsureAsync(DockerEngine engine)
    {
        await Gate.WaitAsync();
        try
        {
            if (!_ready && !await ExistsAsync(engine))
            {
                await BuildAsync(engine);
            }

            _ready = true;
            return Name;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<bool> ExistsAsync(DockerEngine engine)
    {
        try
        {
            await engine.Client.Images.InspectImageAsync(Name);
            return true;
        }
        catch (Docker.DotNet.DockerImageNotFoundException)
        {
            return false;
        }
    }

    private static async Task BuildAsync(DockerEngine engine)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException(
                $"{Binary} is missing: run tools/install-deps (Debian package docker-registry)");
        }

        var folder = Directory.CreateTempSubdirectory("registryops-registry-image-").FullName;
        try
        {
            Copy(Binary, folder, "bin/registry");
            Copy("/lib/x86_64-linux-gnu/libc.so.6", folder, "lib/x86_64-linux-gnu/libc.so.6");
            Copy("/lib64/ld-linux-x86-64.so.2", folder, "lib64/ld-linux-x86-64.so.2");
            Directory.CreateDirectory(Path.Combine(folder, "etc/docker/registry"));
            Directory.CreateDirectory(Path.Combine(folder, "var/lib/registry"));
            Directory.CreateDirectory(Path.Combine(folder, "tmp"));
            await File.WriteAllTextAsync(Path.Combine(folder, "etc/docker/registry/config.yml"),
                RegistryConfigFile.Render(new RegistryOptions(), 5000));

            var command = $"tar -C '{folder}' -c . | docker import"
                + " -c 'ENTRYPOINT [\"/bin/registry\"]'"
                + " -c 'CMD [\"serve\",\"/etc/docker/registry/config.yml\"]' - " + Name;
            var result = await ProcessRunner.RunAsync("bash", "-c \"eval \\\"$IMPORT\\\"\"",
                new Dictionary<string, string> { ["DOCKER_HOST"] = engine.Host, ["IMPORT"] = command });
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"docker import of {Name} failed: {result.StandardError}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Copy(string source, string root, string relative)
    {
        var target = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target); // keeps the mode bits on Unix
    }
}
