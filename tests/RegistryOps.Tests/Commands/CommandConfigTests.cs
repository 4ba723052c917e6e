using RegistryOps.Commands;

namespace RegistryOps.Tests.Commands;

public sealed class CommandConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("registryops-cmdconfig-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void RuntimeDirectory_ConfigBrokenAfterTheDaemonStarted_StillFindsItsRuntimeDirectory()
    {
        // What an operator has right after a rejected reload: the daemon runs on the old config,
        // the file on disk has an error elsewhere, and `registryops status` must still reach it.
        var path = Path.Combine(_dir, "registryops.yml");
        File.WriteAllText(path, "paths:\n  runtime: run\nregistry:\n  urll: http://127.0.0.1:5000\n");

        var runtime = CommandConfig.RuntimeDirectory(path);

        Assert.Equal(Path.Combine(_dir, "run"), runtime);
    }

    [Fact]
    public void RuntimeDirectory_FileIsNotYaml_FallsBackToTheDefault()
    {
        var path = Path.Combine(_dir, "registryops.yml");
        File.WriteAllText(path, "paths: [unclosed\n");

        var runtime = CommandConfig.RuntimeDirectory(path);

        Assert.Equal(new RegistryOps.Core.Configuration.PathsConfig().Runtime, runtime);
    }
}
