using RegistryOps.Core.Configuration;
using RegistryOps.Jobs.Sync.Config;

namespace RegistryOps.Tests.Sync;

public sealed class RegsyncConfigReaderTests
{
    private static readonly Dictionary<string, string> Environment = new() { ["HUB_USER"] = "mirrorbot" };

    private static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Sync", "Data", name);

    private static RegsyncReadResult Read(string name) =>
        new RegsyncConfigReader(n => Environment.GetValueOrDefault(n)).Read(DataFile(name));

    private static string Describe(IEnumerable<ConfigProblem> problems) =>
        string.Join("\n", problems.Select(p => p.ToString()));

    [Fact]
    public void Read_HubFile_GivesEffectiveEntriesWithDefaultsApplied()
    {
        var result = Read("regsync-hub.yml");

        Assert.False(result.HasErrors, Describe(result.Problems));
        var file = Assert.Single(result.Files);
        Assert.Equal(2, file.Parallel);
        Assert.Equal(4, file.Entries.Count);

        var busybox = file.Entries[0];
        Assert.Equal(("busybox:latest", SyncType.Image), (busybox.Source, busybox.Type));
        Assert.Equal(TimeSpan.FromMinutes(60), busybox.Interval);
        Assert.Equal(TimeSpan.FromMinutes(15), busybox.RateLimitRetry);
        Assert.Equal(100, busybox.RateLimitMin);
        Assert.Equal("bkup-{{.Ref.Tag}}", busybox.Backup);
        Assert.True(busybox.DigestTags);
        Assert.False(busybox.FastCheck);
        Assert.Equal(RegsyncDefaults.MediaTypes, busybox.MediaTypes);
        Assert.Equal((25, 5), (busybox.Line, busybox.Column));
        Assert.False(busybox.HasUnresolvedTemplate);
    }

    [Fact]
    public void Read_AliasAndMergeKey_AreResolved()
    {
        var entries = Read("regsync-hub.yml").Entries;

        var alpine = entries[1];
        Assert.Equal("15 01 * * *", alpine.ScheduleText);
        Assert.NotNull(alpine.Schedule);
        Assert.Null(alpine.Interval);

        // "<<: *common" brings interval 6h and fastCopy (read as fastCheck) into the entry.
        var regctl = entries[2];
        Assert.Equal(TimeSpan.FromHours(6), regctl.Interval);
        Assert.True(regctl.FastCheck);
        Assert.Equal(["linux/amd64", "linux/arm64"], regctl.Platforms);
    }

    [Fact]
    public void Read_Filters_AreCompiledAsRegsyncAppliesThem()
    {
        var entries = Read("regsync-hub.yml").Entries;

        string[] alpineTags = ["latest", "latest-alpine", "3", "3.0", "3.19", "3.19.1", "edge"];
        Assert.Equal(["latest", "3", "3.19"], entries[1].TagFilter.Apply(alpineTags));

        string[] regctlTags = ["v0.7.9", "v0.8.3", "v0.9.0", "v1.0.0", "edge", "latest"];
        Assert.Equal(["v0.8.3", "v0.9.0", "edge"], entries[2].TagFilter.Apply(regctlTags));

        var registry = entries[3];
        Assert.Equal(SyncType.Registry, registry.Type);
        Assert.True(registry.RepoFilter.Keeps("team-x/api"));
        Assert.False(registry.RepoFilter.Keeps("team-x/api-backup"));
        Assert.False(registry.RepoFilter.Keeps("team-y/api"));
    }

    [Fact]
    public void Read_Creds_ResolveTemplatesAndKeepThePasswordSecret()
    {
        var result = Read("regsync-hub.yml");

        var hub = result.Creds[0];
        Assert.Equal("docker.io", hub.Registry);
        Assert.Equal("registry-1.docker.io", hub.ApiHost);
        Assert.Equal("mirrorbot", hub.User);
        Assert.Equal("hub-s3cret-token", hub.Pass!.Reveal());
        Assert.Equal("<secret file:secrets/hub_token>", hub.Pass.ToString());
        Assert.Equal(0.5, hub.ReqPerSec);
        Assert.Equal(3, hub.ReqConcurrent);
        Assert.Equal(RegsyncTls.Enabled, hub.Tls);

        var local = result.Creds[1];
        Assert.Equal((RegsyncTls.Insecure, 8, true), (local.Tls, local.ReqConcurrent, local.RepoAuth));
        Assert.Equal("registry.example.com:5000", local.ApiHost);
    }

    [Fact]
    public void Read_HubFile_WarnsOnceAboutFastCopyAndHooksWithFileAndLine()
    {
        var warnings = Read("regsync-hub.yml").Warnings.ToList();

        Assert.All(warnings, w => Assert.Equal(DataFile("regsync-hub.yml"), w.File));
        Assert.Collection(
            warnings,
            w => Assert.Equal((5, "fastCopy is read as fastCheck"), (w.Line, w.Message[..29])),
            w =>
            {
                Assert.Equal(47, w.Line);
                Assert.Equal("sync[2].hooks", w.KeyPath);
                Assert.Contains("does not implement", w.Message);
                Assert.Contains("also at line 56", w.Message);
            });
    }

    [Fact]
    public void Read_BrokenFile_ReportsEveryErrorWithItsPlace()
    {
        var result = Read("regsync-broken.yml");

        Assert.True(result.HasErrors);
        Assert.Empty(result.Files);
        var errors = result.Errors.Select(e => (e.Line, e.Column, e.KeyPath)).ToList();
        Assert.Equal(
            [
                (5, 11, "creds[0].pass"),
                (7, 11, "creds[1].pass"),
                (9, 13, "defaults.interval"),
                (11, 5, "sync[0].source"),
                (15, 11, "sync[1].type"),
                (20, 15, "sync[2].tags.allow[0]"),
                (21, 21, "sync[2].tags.semverRange[0]"),
                (21, 35, "sync[2].tags.semverRange[1]"),
                (23, 14, "sync[2].ratelimit.retry"),
            ],
            errors);
        Assert.Contains(
            "GHCR_TOKEN_UNSET is not set ({{ env \"GHCR_TOKEN_UNSET\" }})", result.Errors.First().Message);
        Assert.Contains("{{ file \"secrets/missing_token\" }}", result.Errors.ElementAt(1).Message);
    }

    [Fact]
    public void Read_ExtrasFile_WarnsAboutIgnoredKeysAndFlagsUnsupportedTemplates()
    {
        var result = Read("regsync-extras.yml");

        Assert.False(result.HasErrors, Describe(result.Problems));
        var warnings = result.Warnings.Select(w => (w.Line, w.KeyPath)).ToList();
        Assert.Equal(
            [
                (3, "referrers"),
                (5, "defaults.skipDockerConfig"),
                (7, "defaults.fastCopy"),
                (11, "sync[0].source"),
                (14, "sync[0].frobnicate"),
                (20, "sync[1].ratelimit.retry"),
            ],
            warnings);

        var nginx = result.Entries[0];
        Assert.True(nginx.HasUnresolvedTemplate);
        Assert.Equal("{{ printf \"%s\" \"nginx\" }}", nginx.Source);

        // fastCheck written next to fastCopy wins; the entry's retry is raised to regsync's 5m floor.
        Assert.False(nginx.FastCheck);
        Assert.Equal(["application/vnd.oci.image.manifest.v1+json"], nginx.MediaTypes);
        var postgres = result.Entries[1];
        Assert.Equal(TimeSpan.FromHours(12), postgres.Interval);
        Assert.Equal(TimeSpan.FromMinutes(5), postgres.RateLimitRetry);
        Assert.Equal("linux/amd64", postgres.Platform);
        Assert.Equal(1, result.Files[0].Parallel);
    }

    [Fact]
    public void Read_NoMessageEverHoldsASecretValue()
    {
        var result = Read("regsync-hub.yml");
        var broken = Read("regsync-broken.yml");

        var text = Describe(result.Problems.Concat(broken.Problems));
        Assert.DoesNotContain("hub-s3cret-token", text);
        Assert.DoesNotContain("hub-s3cret-token", result.Creds[0].ToString());
    }

    [Fact]
    public void Read_Glob_ReadsAllMatchingFilesInNameOrder()
    {
        var result = new RegsyncConfigReader(n => Environment.GetValueOrDefault(n))
            .Read(Path.Combine(AppContext.BaseDirectory, "Sync", "Data", "regsync-*.yml"));

        Assert.Equal(
            [DataFile("regsync-extras.yml"), DataFile("regsync-hub.yml")],
            result.Files.Select(f => f.Path));
        Assert.Contains(result.Errors, e => e.File == DataFile("regsync-broken.yml"));
    }

    [Fact]
    public void Read_GlobMatchingNothing_IsAnError()
    {
        var result = new RegsyncConfigReader().Read("/nonexistent-dir/regsync*.yml");

        Assert.Equal("no regsync file matches", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void ReadText_InvalidYaml_IsOneErrorWithItsPlace()
    {
        var result = new RegsyncConfigReader().ReadText("/tmp/x.yml", "version: 1\nsync:\n  - source: [a\n");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("not valid YAML", error.Message);
        Assert.True(error.Line >= 3);
    }
}
