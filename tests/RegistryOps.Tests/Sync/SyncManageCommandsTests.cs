using System.CommandLine;
using Microsoft.Extensions.Time.Testing;
using RegistryOps.Commands.Sync;
using RegistryOps.Core.Configuration;

namespace RegistryOps.Tests.Sync;

public sealed class SyncManageCommandsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("regsync-cli-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 15, 45, 0, TimeSpan.Zero));
    private readonly string _file;
    private readonly string _original;

    public SyncManageCommandsTests()
    {
        _file = Path.Combine(_dir.FullName, "regsync.yml");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Sync", "Data", "manage", "regsync.yml"), _file);
        _original = File.ReadAllText(_file);
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private (int Exit, string Output, string Error) Run(params string[] args)
    {
        var config = new RegistryOpsConfig
        {
            Registry = new RegistryConfig { Url = "https://registry.example.com:5000" },
            Jobs = new JobsConfig
            {
                Sync = new SyncJobConfig { Files = Path.Combine(_dir.FullName, "regsync*.yml") },
            },
        };
        var root = new RootCommand { SyncManageCommands.Create(_ => SyncManageSettings.From(config), _time) };
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void List_PrintsNumberedEntriesAndFilters()
    {
        var (exit, output, _) = Run("sync", "list", "--search", "regctl");

        Assert.Equal(0, exit);
        Assert.Contains(
            "  3  repository ghcr.io/regclient/regctl -> registry.example.com:5000/ghcr.io/regclient/regctl",
            output);
        Assert.Contains("+1 tagSets", output);
        Assert.DoesNotContain("alpine", output);
    }

    [Fact]
    public void Add_DryRun_PrintsTheDiffAndWritesNothing()
    {
        var (exit, output, _) = Run(
            "sync", "add", "lscr.io/linuxserver/sonarr", "--allow", "latest", "--allow", "4\\..*", "--dry-run");

        Assert.Equal(0, exit);
        Assert.Contains("+    target: registry.example.com:5000/lscr.io/linuxserver/sonarr", output);
        Assert.Contains("+        - '4\\..*'", output);
        Assert.Contains("dry run: nothing was written", output);
        Assert.Equal(_original, File.ReadAllText(_file));
        Assert.Single(_dir.GetFiles());
    }

    [Fact]
    public void Edit_WritesTheChangeAndABackup()
    {
        var (exit, output, _) = Run(
            "sync", "edit", "2", "--type", "image", "--target", "registry.example.com:5000/library/nginx:stable");

        Assert.Equal(0, exit);
        Assert.Contains("(backup ", output);
        Assert.Contains("    target: registry.example.com:5000/library/nginx:stable", File.ReadAllText(_file));
        Assert.True(File.Exists(_file + ".bak-20261203T154500Z"));
    }

    [Fact]
    public void Remove_UnknownSource_IsRefusedWithExitCodeOne()
    {
        var (exit, _, error) = Run("sync", "remove", "docker.io/library/mysql");

        Assert.Equal(1, exit);
        Assert.Contains("no entry has source docker.io/library/mysql", error);
        Assert.Equal(_original, File.ReadAllText(_file));
    }

    [Fact]
    public void Add_BadRegex_IsRefusedWithTheReadersError()
    {
        var (exit, _, error) = Run("sync", "add", "redis", "--allow", "7.(2");

        Assert.Equal(1, exit);
        Assert.Contains("bad regex '7.(2'", error);
        Assert.Equal(_original, File.ReadAllText(_file));
    }
}
