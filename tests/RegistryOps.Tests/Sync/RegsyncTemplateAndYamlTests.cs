using RegistryOps.Jobs.Sync.Config;

namespace RegistryOps.Tests.Sync;

public sealed class RegsyncTemplateAndYamlTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("regsync-tpl-");

    private static readonly Dictionary<string, string> Environment = new()
    {
        ["HUB_USER"] = "mirrorbot",
        ["HOST"] = "registry.example.com",
        ["PORT"] = "5000",
    };

    public void Dispose() => _dir.Delete(recursive: true);

    private RegsyncReadResult Read(string yaml) =>
        new RegsyncConfigReader(n => Environment.GetValueOrDefault(n))
            .ReadText(Path.Combine(_dir.FullName, "regsync.yml"), yaml);

    private static string Creds(string user) =>
        $"version: 1\ncreds:\n  - registry: docker.io\n    user: {user}\n";

    [Theory]
    [InlineData("'{{ env \"HUB_USER\" }}'", "mirrorbot")]
    [InlineData("'{{env \"HUB_USER\"}}'", "mirrorbot")]
    [InlineData("\"{{env \\\"HUB_USER\\\"}}\"", "mirrorbot")]
    [InlineData("'{{- env `HUB_USER` -}}'", "mirrorbot")]
    [InlineData("'{{ env \"HOST\" }}:{{ env \"PORT\" }}'", "registry.example.com:5000")]
    [InlineData("'pre {{- env \"PORT\" }}'", "pre5000")]
    [InlineData("plain-user", "plain-user")]
    public void EnvTemplates_AreExpandedInAnySpelling(string written, string expected)
    {
        var result = Read(Creds(written));

        Assert.False(result.HasErrors);
        Assert.Equal(expected, Assert.Single(result.Creds).User);
    }

    [Fact]
    public void FileTemplate_TrimsOneTrailingNewlineAndResolvesRelativeToTheFile()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "token"), "s3cret\n\n");

        var result = Read("creds:\n  - registry: ghcr.io\n    pass: '{{ file \"token\" }}'\n");

        Assert.Equal("s3cret\n", Assert.Single(result.Creds).Pass!.Reveal());
    }

    [Fact]
    public void UnsupportedTemplateInPass_IsAWarningThatNamesOnlyTheFunction()
    {
        var result = Read("creds:\n  - registry: ghcr.io\n    pass: '{{ printf \"hunter2\" }}'\n");

        var warning = Assert.Single(result.Warnings);
        Assert.Equal((3, "creds[0].pass"), (warning.Line, warning.KeyPath));
        Assert.Contains("template 'printf' is not supported", warning.Message);
        Assert.DoesNotContain("hunter2", warning.ToString());
        Assert.True(result.Creds[0].HasUnresolvedTemplate);
    }

    [Fact]
    public void UnclosedTemplate_IsAnError()
    {
        var result = Read(Creds("'{{ env \"HUB_USER\"'"));

        Assert.Contains("not closed", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void WithoutSecrets_ChecksTemplatesButReadsNothing()
    {
        var result = RegsyncConfigReader.WithoutSecrets().ReadText(
            "/tmp/regsync.yml", "creds:\n  - registry: ghcr.io\n    pass: '{{ file \"/nonexistent\" }}'\n");

        Assert.False(result.HasErrors);
        Assert.Equal("{{ file \"/nonexistent\" }}", result.Creds[0].Pass!.Reveal());
    }

    [Fact]
    public void MergeKeys_ExplicitKeysWinAndEarlierMergesWinOverLater()
    {
        const string yaml = """
            x-a: &a
              type: repository
              interval: 1h
            x-b: &b
              type: image
              interval: 2h
              schedule: "0 3 * * *"
            sync:
              - <<: [*a, *b]
                source: alpine
                target: reg/alpine
                interval: 3h
            """;

        var entry = Assert.Single(Read(yaml).Entries);

        Assert.Equal(SyncType.Repository, entry.Type);
        Assert.Equal(TimeSpan.FromHours(3), entry.Interval);
        Assert.Equal("0 3 * * *", entry.ScheduleText);
    }

    [Fact]
    public void DuplicateKey_IsAnErrorWithItsPlace()
    {
        var result = Read("sync:\n  - source: a\n    source: b\n    target: c\n    type: image\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void MissingTypeAndTarget_AreBothReported()
    {
        var result = Read("sync:\n  - source: a\n");

        Assert.Equal(["sync[0].target", "sync[0].type"], result.Errors.Select(e => e.KeyPath).Order());
    }

    [Fact]
    public void UnsupportedVersion_IsAnError()
    {
        var result = Read("version: 2\n");

        Assert.Equal("version", Assert.Single(result.Errors).KeyPath);
    }

    [Fact]
    public void DefaultsSchedule_BeatsDefaultsInterval_AndEveryMeansInterval()
    {
        const string yaml = """
            defaults:
              interval: 1h
              schedule: "@daily"
            sync:
              - source: a
                target: r/a
                type: image
              - source: b
                target: r/b
                type: image
                schedule: "@every 90m"
            """;

        var entries = Read(yaml).Entries;

        Assert.Equal(("@daily", (TimeSpan?)null), (entries[0].ScheduleText, entries[0].Interval));
        Assert.Equal((null, TimeSpan.FromMinutes(90)), (entries[1].ScheduleText, entries[1].Interval));
    }
}
