using RegistryOps.Core.Configuration;
using RegistryOps.Core.Notifications;

namespace RegistryOps.Tests.Configuration;

public sealed class ConfigLoaderTests : IDisposable
{
    private readonly TempConfigDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_ExampleConfig_IsValidWithoutWarnings()
    {
        var result = ConfigLoader.Load(RepositoryFiles.ExampleConfig);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Empty(result.Problems);
        Assert.Equal("http://127.0.0.1:5000", result.Config!.Registry.Url);
        Assert.Equal(TimeSpan.FromHours(6), result.Config.Jobs.Sync.MinInterval);
        Assert.Equal(MissedRunPolicy.RunOnce, result.Config.Jobs.Sync.Missed);
        Assert.NotNull(result.Config.Jobs.Changes.Schedule);
        Assert.Equal(Path.GetFullPath(RepositoryFiles.ExampleConfig), result.Config.SourcePath);
    }

    [Fact]
    public void Load_BindsEveryKindOfValue()
    {
        var path = _dir.WriteConfig(
            "timezone: Europe/Berlin",
            "registry:",
            "  url: https://registry.example.com",
            "  max_concurrency: 3",
            "  request_timeout: 1m30s",
            "  ca_file: ca.pem",
            "notifications:",
            "  ntfy:",
            "    url: https://ntfy.example.com",
            "    topic: ops",
            "    min_priority: high",
            "jobs:",
            "  changes:",
            "    schedule: '@hourly'",
            "    run_on_start: true",
            "  sync:",
            "    schedule: '30 0 */6 * * *'",
            "    files: regsync*.yml");
        _dir.Write("ca.pem", "not checked for content");

        var result = ConfigLoader.Load(path);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var config = result.Config!;
        Assert.Equal("Europe/Berlin", config.TimeZone.Id);
        Assert.Equal(3, config.Registry.MaxConcurrency);
        Assert.Equal(TimeSpan.FromSeconds(90), config.Registry.RequestTimeout);
        Assert.Equal(Path.Combine(_dir.Path, "ca.pem"), config.Registry.CaFile);
        Assert.Equal(NotificationPriority.High, config.Notifications.Ntfy!.MinPriority);
        Assert.True(config.Jobs.Changes.RunOnStart);
        Assert.Equal("0 * * * *", config.Jobs.Changes.Schedule!.ToString());
        Assert.Equal(Path.Combine(_dir.Path, "regsync*.yml"), config.Jobs.Sync.Files);
        Assert.Equal(8, config.Jobs.Changes.Parallelism);
    }

    [Fact]
    public void Load_UnknownKey_ErrorAtTheKeyWithSuggestionAndAllowedKeys()
    {
        var path = _dir.WriteConfig(
            "jobs:",
            "  sync:",
            "    min_intervall: 6h");

        var problem = Assert.Single(ConfigLoader.Load(path).Problems);

        Assert.StartsWith($"{path}:3:5: error: jobs.sync.min_intervall: unknown key 'min_intervall'; "
            + "did you mean 'min_interval'?", problem.ToString());
        Assert.Contains("allowed here: enabled, schedule, min_interval", problem.Message);
        Assert.Contains("hub_warn_below", problem.Message);
    }

    [Fact]
    public void Load_BadCron_ErrorAtTheValue()
    {
        var path = _dir.WriteConfig(
            "jobs:",
            "  changes:",
            "    schedule: '61 * * * *'");

        var result = ConfigLoader.Load(path);

        var problem = Assert.Single(result.Problems);
        Assert.False(result.IsValid);
        Assert.Null(result.Config);
        Assert.StartsWith(
            $"{path}:3:15: error: jobs.changes.schedule: invalid cron expression: Minutes:",
            problem.ToString());
    }

    [Fact]
    public void Load_CronWithWrongFieldCount_SaysHowManyFields()
    {
        var path = _dir.WriteConfig("jobs:", "  sync:", "    schedule: '* * * *'");

        var problem = Assert.Single(ConfigLoader.Load(path).Problems);

        Assert.Equal((3, 15), (problem.Line, problem.Column));
        Assert.Contains("5 fields", problem.Message);
        Assert.Contains("seconds first, not 4", problem.Message);
    }

    [Fact]
    public void Load_MissingSecretFile_ErrorAtTheReference()
    {
        var path = _dir.WriteConfig(
            "registry:",
            "  username: ops",
            "  password: file:no-such-secret");

        var problem = Assert.Single(ConfigLoader.Load(path).Problems);

        var secret = Path.Combine(_dir.Path, "no-such-secret");
        Assert.StartsWith(
            $"{path}:3:13: error: registry.password: secret file {secret} (from file:no-such-secret) does not exist",
            problem.ToString());
    }

    [Fact]
    public void Load_TabIndentedLine_ErrorAtTheTab()
    {
        var path = _dir.WriteConfig(
            "registry:",
            "  url: http://127.0.0.1:5000",
            "metrics:",
            "\tenabled: true");

        var result = ConfigLoader.Load(path);

        var problem = Assert.Single(result.Problems);
        Assert.False(result.IsValid);
        Assert.Equal(
            $"{path}:4:1: error: tab character in indentation: YAML indents with spaces only",
            problem.ToString());
    }

    [Fact]
    public void Load_TabAfterSpacesInIndentation_ErrorAtTheTabColumn()
    {
        var path = _dir.WriteConfig("registry:", "  url: http://127.0.0.1:5000", "  \tpage_size: 5");

        var problem = Assert.Single(ConfigLoader.Load(path).Problems);

        Assert.Equal((3, 3), (problem.Line, problem.Column));
    }

    [Fact]
    public void Load_SeveralProblems_AllReportedInFileOrder()
    {
        var path = _dir.WriteConfig(
            "timezone: Mars/Olympus_Mons",
            "registry:",
            "  url: http://registry.example.com",
            "  max_concurrency: many",
            "  colour: blue",
            "jobs:",
            "  changes:",
            "    timeout: 10 minutes",
            "    missed: later",
            "  sync:",
            "    hub_abort_below: 200");

        var problems = ConfigLoader.Load(path).Problems;

        Assert.Equal(
            [
                (1, 11, "timezone"),
                (3, 8, "registry.url"),
                (4, 20, "registry.max_concurrency"),
                (5, 3, "registry.colour"),
                (8, 14, "jobs.changes.timeout"),
                (9, 13, "jobs.changes.missed"),
                (11, 22, "jobs.sync.hub_abort_below"),
            ],
            problems.Select(p => (p.Line, p.Column, p.KeyPath)));
        Assert.All(problems, p => Assert.False(p.IsWarning));
        Assert.Contains("expected a whole number, found 'many'", problems[2].Message);
        Assert.Contains("expected one of: skip, run_once; found 'later'", problems[5].Message);
    }

    [Fact]
    public void Load_WrongShape_SaysWhatWasExpectedAndFound()
    {
        var path = _dir.WriteConfig("registry: http://127.0.0.1:5000", "metrics:", "  enabled: [true]");

        var problems = ConfigLoader.Load(path).Problems;

        Assert.Equal(2, problems.Count);
        Assert.Equal("expected a mapping of keys, found a single value", problems[0].Message);
        Assert.Equal("expected true or false, found a list", problems[1].Message);
    }

    [Fact]
    public void Load_MissingFile_ReportsIt()
    {
        var path = Path.Combine(_dir.Path, "absent.yml");

        var problem = Assert.Single(ConfigLoader.Load(path).Problems);

        Assert.StartsWith($"{path}:1:1: error: cannot read the file:", problem.ToString());
    }

    [Fact]
    public void Load_DuplicateKey_IsAnError()
    {
        var path = _dir.WriteConfig("registry:", "  page_size: 5", "  page_size: 6");

        var problem = Assert.Single(ConfigLoader.Load(path).Problems);

        Assert.Equal((3, 3, "duplicate key 'page_size'"), (problem.Line, problem.Column, problem.Message));
    }

    [Fact]
    public void Load_EmptyFile_IsValidWithDefaultsAndAWarning()
    {
        var path = _dir.WriteConfig("# nothing configured yet");

        var result = ConfigLoader.Load(path);

        Assert.True(result.IsValid);
        Assert.True(Assert.Single(result.Problems).IsWarning);
        Assert.Equal("http://127.0.0.1:5000", result.Config!.Registry.Url);
    }
}
