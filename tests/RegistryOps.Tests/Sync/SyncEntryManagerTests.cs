using Microsoft.Extensions.Time.Testing;
using RegistryOps.Jobs.Sync.Config;
using RegistryOps.Jobs.Sync.Manage;

namespace RegistryOps.Tests.Sync;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SyncEntryManagerTests : IDisposable
{
    private const string Registry = "registry.example.com:5000";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("regsync-manage-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 15, 45, 0, TimeSpan.Zero));
    private readonly string _file;
    private readonly string _original;

    public SyncEntryManagerTests()
    {
        _file = Path.Combine(_dir.FullName, "regsync.yml");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Sync", "Data", "manage", "regsync.yml"), _file);
        File.SetUnixFileMode(_file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        _original = File.ReadAllText(_file);
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private SyncEntryManager Manager() => new(Path.Combine(_dir.FullName, "regsync*.yml"), Registry, _time);

    /// <summary>The lines of <paramref name="text"/> with the given 1-based line range cut out.</summary>
    private static string[] Without(string text, int first, int last) =>
        [.. text.Split('\n').Where((_, i) => i + 1 < first || i + 1 > last)];

    [Fact]
    public void List_NumbersEntriesAndSearchesSourceAndTarget()
    {
        var (rows, _) = Manager().List();
        var (found, _) = Manager().List("NGINX");

        Assert.Equal([1, 2, 3], rows.Select(r => r.Number));
        Assert.Equal("allow latest, 3\\.\\d+; deny 3\\.0", rows[0].Filters);
        Assert.Equal("+1 tagSets", rows[2].Filters);
        Assert.Equal(2, Assert.Single(found).Number);
    }

    [Fact]
    public void Add_AppendsInTheFilesStyleAndKeepsEveryOtherLine()
    {
        var manager = Manager();

        var plan = manager.PlanAdd(
            "lscr.io/linuxserver/sonarr", null, SyncType.Repository, ["latest", @"4\..*"], ["develop"]);
        manager.Apply(plan);

        var text = File.ReadAllText(_file);
        var added = new[]
        {
            "  - source: lscr.io/linuxserver/sonarr",
            "    target: registry.example.com:5000/lscr.io/linuxserver/sonarr",
            "    type: repository",
            "    tags:",
            "      allow:",
            "        - 'latest'",
            @"        - '4\..*'",
            "      deny:",
            "        - 'develop'",
        };
        var lines = text.Split('\n');
        var at = Array.IndexOf(lines, added[0]);
        Assert.Equal(added, lines[at..(at + added.Length)]);
        Assert.Equal(_original.Split('\n'), Without(text, at + 1, at + added.Length));

        var entry = RegsyncConfigReader.WithoutSecrets().Read(_file).Entries[^1];
        Assert.Equal(["4.0.1", "latest"], entry.TagFilter.Apply(["4.0.1", "develop", "latest", "3.0"]));
    }

    [Fact]
    public void Edit_ChangesOnlyTheEntrysLinesAndKeepsItsComments()
    {
        var manager = Manager();

        var target = "registry.example.com:5000/mirror/alpine";
        manager.Apply(manager.PlanEdit("alpine", target, null, ["edge"], null));

        var before = _original.Split('\n');
        var after = File.ReadAllText(_file).Split('\n');
        Assert.Equal("    target: registry.example.com:5000/mirror/alpine # mirrored since 2024", after[20]);
        Assert.Equal(
            ["    tags:", "      allow:", "        - 'edge'", "      deny:", "        - '3\\.0'"],
            after[22..27]);
        Assert.Equal(before[..20], after[..20]);
        Assert.Equal(before[28..], after[27..]);
    }

    [Fact]
    public void Edit_TypeAddsOrReplacesTheKeyInPlace()
    {
        var manager = Manager();

        manager.Apply(manager.PlanEdit("3", null, SyncType.Image, null, null));

        var after = File.ReadAllText(_file).Split('\n');
        Assert.Equal("    type: image", after[39]);
        Assert.Equal(_original.Split('\n').Length, after.Length);
    }

    [Fact]
    public void Remove_DeletesOnlyTheEntrysLines()
    {
        var manager = Manager();

        manager.Apply(manager.PlanRemove("docker.io/library/nginx"));

        Assert.Equal(Without(_original, 31, 35), File.ReadAllText(_file).Split('\n'));
        Assert.Equal(2, Manager().List().Rows.Count);
    }

    [Fact]
    public void Remove_BareHubNameSelectsTheEntry()
    {
        var plan = Manager().PlanRemove("nginx");

        Assert.Contains("-  - source: docker.io/library/nginx", plan.Diff);
    }

    [Fact]
    public void Plan_IsADryRun_ThatWritesNothingAndShowsADiff()
    {
        var plan = Manager().PlanAdd("redis", null, SyncType.Repository, [], [], null);

        Assert.Equal(_original, File.ReadAllText(_file));
        Assert.Single(_dir.GetFiles());
        Assert.StartsWith($"--- a{_file}\n+++ b{_file}\n@@ -40,4 +40,7 @@\n     type: repository", plan.Diff);
        Assert.Contains("+  - source: docker.io/library/redis\n", plan.Diff);
        Assert.Contains("+    target: registry.example.com:5000/library/redis\n", plan.Diff);
        Assert.Equal(
            "add docker.io/library/redis → registry.example.com:5000/library/redis (repository)",
            plan.Summary);
    }

    [Fact]
    public void Add_ExistingEntry_IsRefusedAsADuplicate()
    {
        var error = Assert.Throws<SyncManageException>(
            () => Manager().PlanAdd("alpine", null, SyncType.Repository, [], []));

        Assert.Contains("already written by entry 1", error.Message);
    }

    [Fact]
    public void Add_BadRegex_IsRefusedAndTheFileIsUnchanged()
    {
        var error = Assert.Throws<SyncManageException>(
            () => Manager().PlanAdd("redis", null, SyncType.Repository, ["7.(2"], []));

        Assert.Contains("would not read", error.Message);
        Assert.Contains("bad regex '7.(2'", error.Message);
        Assert.Equal(_original, File.ReadAllText(_file));
        Assert.Single(_dir.GetFiles());
    }

    [Fact]
    public void Edit_ToAnotherEntrysTarget_IsRefusedAsADuplicate()
    {
        var manager = Manager();
        const string taken = "registry.example.com:5000/library/alpine2";
        manager.Apply(manager.PlanAdd("docker.io/library/nginx", taken, SyncType.Repository, [], []));

        var error = Assert.Throws<SyncManageException>(() => manager.PlanEdit("1", taken, null, null, null));

        Assert.Contains("two entries would write registry.example.com:5000/library/alpine2", error.Message);
    }

    [Fact]
    public void Apply_KeepsATimestampedBackupAndTheFileMode()
    {
        var manager = Manager();

        var backup = manager.Apply(manager.PlanRemove("1"));

        Assert.Equal(_file + ".bak-20261203T154500Z", backup);
        Assert.Equal(_original, File.ReadAllText(backup!));
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        Assert.Equal(mode, File.GetUnixFileMode(_file));
        Assert.Equal(2, _dir.GetFiles().Length);
    }

    [Fact]
    public void Apply_TwoEditsInTheSameSecond_KeepBothBackups()
    {
        var manager = Manager();

        var firstBackup = manager.Apply(manager.PlanRemove("1"));
        var afterFirst = File.ReadAllText(_file);
        var secondBackup = manager.Apply(manager.PlanRemove("1"));

        Assert.Equal(_file + ".bak-20261203T154500Z", firstBackup);
        Assert.Equal(_file + ".bak-20261203T154500Z.1", secondBackup);
        Assert.Equal(_original, File.ReadAllText(firstBackup!));
        Assert.Equal(afterFirst, File.ReadAllText(secondBackup!));
    }

    [Fact]
    public void Apply_FileChangedSincePlan_IsRefused()
    {
        var manager = Manager();
        var plan = manager.PlanRemove("1");
        File.AppendAllText(_file, "# edited meanwhile\n");

        Assert.Throws<SyncManageException>(() => manager.Apply(plan));
    }

    [Fact]
    public void Add_ToAFileWithoutSyncList_CreatesIt()
    {
        var path = Path.Combine(_dir.FullName, "regsync-new.yml");
        File.WriteAllText(path, "version: 1 # fresh\ndefaults:\n  parallel: 1\n");
        var manager = Manager();

        manager.Apply(manager.PlanAdd(
            "ghcr.io/home-assistant/home-assistant", null, SyncType.Image, [], [], path));

        Assert.Equal(
            "version: 1 # fresh\ndefaults:\n  parallel: 1\nsync:\n"
            + "  - source: ghcr.io/home-assistant/home-assistant\n"
            + "    target: registry.example.com:5000/ghcr.io/home-assistant/home-assistant\n    type: image\n",
            File.ReadAllText(path));
    }

    [Theory]
    [InlineData("nginx", "registry.example.com:5000/library/nginx")]
    [InlineData("nginx:1.27-alpine", "registry.example.com:5000/library/nginx:1.27-alpine")]
    [InlineData("docker.io/library/redis", "registry.example.com:5000/library/redis")]
    [InlineData("grafana/grafana", "registry.example.com:5000/grafana/grafana")]
    [InlineData("docker.io/grafana/loki", "registry.example.com:5000/grafana/loki")]
    [InlineData("ghcr.io/regclient/regctl", "registry.example.com:5000/ghcr.io/regclient/regctl")]
    [InlineData("lscr.io/linuxserver/sonarr", "registry.example.com:5000/lscr.io/linuxserver/sonarr")]
    [InlineData("quay.io/prometheus/node-exporter",
        "registry.example.com:5000/quay.io/prometheus/node-exporter")]
    [InlineData("gcr.io/distroless/static", "registry.example.com:5000/gcr.io/distroless/static")]
    [InlineData("localhost:5001/team/app", "registry.example.com:5000/localhost:5001/team/app")]
    public void TargetGuesser_NamesTargetsAsTheOldScript(string source, string target)
    {
        Assert.Equal(target, TargetGuesser.Guess(source, Registry));
    }
}
