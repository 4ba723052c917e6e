using RegistryOps.Core.Distribution;
using Cronos;
using RegistryOps.Jobs.Sync;

namespace RegistryOps.Tests.Sync;

public sealed class SyncPartsTests
{
    [Theory]
    [InlineData(200, "Ok")]
    [InlineData(175, "Ok")]
    [InlineData(174, "Low")]
    [InlineData(75, "Low")]
    [InlineData(74, "Exhausted")]
    [InlineData(null, "Unknown")]
    public void DockerHubBudget_thresholds(int? remaining, string expected) =>
        Assert.Equal(Enum.Parse<HubBudgetLevel>(expected),
            DockerHubBudget.Decide(new RateLimitInfo(200, remaining, null), 175, 75));

    [Fact]
    public async Task DockerHubBudget_is_not_asked_without_hub_entries()
    {
        var registry = new FakeRegistry("src.example");
        var entry = new SyncEntrySpec("k", SyncKind.Image, ImageReference.Parse("src.example/a:1"),
            ImageReference.Parse("dst.example/a"));

        var check = await DockerHubBudget.ProbeAsync([entry], new FakeRegistryProvider(registry), 175, 75, default);

        Assert.Equal(HubBudgetLevel.NotUsed, check.Level);
        Assert.Equal(0, registry.TotalCalls);
    }

    [Fact]
    public async Task DockerHubBudget_reads_the_limit_from_one_head()
    {
        var hub = new FakeRegistry("docker.io") { LastRateLimit = new RateLimitInfo(100, 60, TimeSpan.FromHours(6)) };
        var entry = new SyncEntrySpec("k", SyncKind.Image, ImageReference.Parse("alpine:3.20"),
            ImageReference.Parse("dst.example/library/alpine"));

        var check = await DockerHubBudget.ProbeAsync([entry], new FakeRegistryProvider(hub), 175, 75, default);

        Assert.Equal(HubBudgetLevel.Exhausted, check.Level);
        Assert.Equal(1, hub.Calls("head"));
        Assert.Equal(0, hub.Calls("get"));
    }

    [Theory]
    [InlineData("alpine", "docker.io", "library/alpine", null)]
    [InlineData("alpine:3.20", "docker.io", "library/alpine", "3.20")]
    [InlineData("docker.io/org/app:1", "docker.io", "org/app", "1")]
    [InlineData("ghcr.io/p/q", "ghcr.io", "p/q", null)]
    [InlineData("127.0.0.1:5000/a/b:v1", "127.0.0.1:5000", "a/b", "v1")]
    [InlineData("localhost:5000/x", "localhost:5000", "x", null)]
    [InlineData("registry.example.com/lib/app:1", "registry.example.com", "lib/app", "1")]
    [InlineData("ghcr.io/o/app@sha256:ab12", "ghcr.io", "o/app", "sha256:ab12")]
    public void ImageReference_parses(string text, string registry, string repository, string? tag)
    {
        var parsed = ImageReference.Parse(text);

        Assert.Equal((registry, repository, tag), (parsed.Registry, parsed.Repository, parsed.Tag));
    }

    [Theory]
    [InlineData("127.0.0.1:5000", "127.0.0.1:5000", "")]
    [InlineData("registry.example.com/mirror", "registry.example.com", "mirror")]
    public void ImageReference_parses_registry_entries(string text, string registry, string prefix)
    {
        var parsed = ImageReference.ParseRegistry(text);

        Assert.Equal((registry, prefix), (parsed.Registry, parsed.Repository));
    }

    [Theory]
    [InlineData("{{.Ref.Tag}}-old", "app:1.0-old")]
    [InlineData("{{ .Ref.Tag }}-{{.Ref.Digest}}", "app:1.0-0123")]
    [InlineData("backup-{{.Ref.Tag}}", "app:backup-1.0")]
    public void BackupTemplate_renders_tags_in_the_target_repository(string template, string expected)
    {
        var target = new ImageReference("dst", "app", "1.0");

        var rendered = BackupTemplate.Render(template, target, "sha256:0123");

        Assert.Equal(expected, $"{rendered.Repository}:{rendered.Tag}");
    }

    [Fact]
    public void BackupTemplate_with_functions_is_refused() =>
        Assert.Throws<FormatException>(() =>
            BackupTemplate.Render("{{ $t := time.Now }}{{.Ref.Tag}}", new ImageReference("d", "a", "1"), "sha256:0"));

    [Fact]
    public void EntrySchedule_interval_and_cron()
    {
        var last = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var entry = new SyncEntrySpec("k", SyncKind.Image, ImageReference.Parse("a"),
            ImageReference.Parse("h.example/a"));

        Assert.True(EntrySchedule.IsDue(entry, null, last, TimeZoneInfo.Utc));
        Assert.True(EntrySchedule.IsDue(entry, last, last, TimeZoneInfo.Utc));

        var hourly = entry with { Interval = TimeSpan.FromHours(6) };
        Assert.False(EntrySchedule.IsDue(hourly, last, last.AddHours(5), TimeZoneInfo.Utc));
        Assert.True(EntrySchedule.IsDue(hourly, last, last.AddHours(6), TimeZoneInfo.Utc));

        // 12:00 daily: a sync at 10:00 is due again at 12:00 the same day, not 24h later.
        var noon = entry with { Schedule = CronExpression.Parse("0 12 * * *"), Interval = TimeSpan.FromDays(7) };
        Assert.False(EntrySchedule.IsDue(noon, last, last.AddHours(1), TimeZoneInfo.Utc));
        Assert.True(EntrySchedule.IsDue(noon, last, last.AddHours(2), TimeZoneInfo.Utc));
    }
}
