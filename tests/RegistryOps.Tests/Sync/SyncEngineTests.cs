using RegistryOps.Core.Distribution;
using Microsoft.Extensions.Logging.Abstractions;
using RegistryOps.Jobs.Sync;

namespace RegistryOps.Tests.Sync;

public sealed class SyncEngineTests
{
    private readonly FakeRegistry _source = new("src.example");
    private readonly FakeRegistry _target = new("dst.example");

    private SyncEngine Engine() => new(new FakeRegistryProvider(_source, _target), NullLogger.Instance);

    private static SyncEntrySpec Entry(SyncKind kind, string source, string target) =>
        new($"{source}->{target}", kind, ImageReference.ParseFor(kind, source), ImageReference.ParseFor(kind, target));

    [Fact]
    public async Task Image_missing_in_target_is_copied_with_equal_digest()
    {
        var digest = TestImages.PushImage(_source, "app", "1.0", "base", "top");

        var entry = Entry(SyncKind.Image, "src.example/app:1.0", "dst.example/mirror/app");

        var report = await Engine().RunEntryAsync(entry, dryRun: false, default);

        var image = Assert.Single(report.Images);
        Assert.Equal(ImageOutcome.Synced, image.Outcome);
        Assert.Equal(digest, _target.TagDigest("mirror/app", "1.0"));
        Assert.True(image.Bytes > 0);
    }

    [Fact]
    public async Task Second_run_makes_no_get_and_one_head_per_tag_per_side()
    {
        TestImages.PushImage(_source, "app", "1.0", "a");
        TestImages.PushImage(_source, "app", "2.0", "b");
        var entry = Entry(SyncKind.Repository, "src.example/app", "dst.example/app");
        await Engine().RunEntryAsync(entry, false, default);
        _source.ResetCalls();
        _target.ResetCalls();

        var report = await Engine().RunEntryAsync(entry, false, default);

        Assert.All(report.Images, i => Assert.Equal(ImageOutcome.Unchanged, i.Outcome));
        Assert.Equal(2, _source.Calls("head"));
        Assert.Equal(2, _target.Calls("head"));
        Assert.Equal(1, _source.Calls("tags"));
        Assert.Equal(3, _source.TotalCalls);
        Assert.Equal(2, _target.TotalCalls);
    }

    [Fact]
    public async Task Repository_entry_copies_only_the_filtered_tags()
    {
        foreach (var tag in new[] { "1.0", "1.1", "2.0", "latest" })
        {
            TestImages.PushImage(_source, "app", tag, tag);
        }

        var entry = Entry(SyncKind.Repository, "src.example/app", "dst.example/app") with
        {
            TagFilter = tags => tags.Where(t => t.StartsWith("1.", StringComparison.Ordinal)).ToList(),
        };

        await Engine().RunEntryAsync(entry, false, default);

        Assert.Equal(["1.0", "1.1"], _target.Tags("app"));
    }

    [Fact]
    public async Task Registry_entry_honours_the_repository_filter()
    {
        TestImages.PushImage(_source, "keep/one", "1", "x");
        TestImages.PushImage(_source, "drop/two", "1", "y");
        var entry = Entry(SyncKind.Registry, "src.example", "dst.example") with
        {
            RepositoryFilter = r => r.StartsWith("keep/", StringComparison.Ordinal),
        };

        await Engine().RunEntryAsync(entry, false, default);

        Assert.Equal(["1"], _target.Tags("keep/one"));
        Assert.Empty(_target.Tags("drop/two"));
    }

    [Fact]
    public async Task Index_is_copied_with_its_children_and_keeps_its_digest()
    {
        var digest = TestImages.PushIndex(_source, "multi", "1", "linux/amd64", "linux/arm64");

        var report = await Engine().RunEntryAsync(Entry(SyncKind.Image, "src.example/multi:1", "dst.example/multi"),
            false, default);

        Assert.Equal(ImageOutcome.Synced, Assert.Single(report.Images).Outcome);
        Assert.Equal(digest, _target.TagDigest("multi", "1"));
        var index = ManifestDocument.Parse((await _target.GetManifestAsync("multi", digest, default)).Content);
        Assert.All(index.Children, c => Assert.NotNull(_target.HeadManifestAsync("multi", c.Digest, default).Result));
    }

    [Fact]
    public async Task Platform_entry_tags_only_that_platforms_manifest()
    {
        var index = TestImages.PushIndex(_source, "multi", "1", "linux/amd64", "linux/arm64");
        var arm = ManifestDocument.Parse((await _source.GetManifestAsync("multi", index, default)).Content)
            .FindPlatform("linux/arm64")!;
        var entry = Entry(SyncKind.Image, "src.example/multi:1", "dst.example/multi") with { Platform = "linux/arm64" };

        await Engine().RunEntryAsync(entry, false, default);
        _source.ResetCalls();
        var second = await Engine().RunEntryAsync(entry, false, default);

        Assert.Equal(arm.Digest, _target.TagDigest("multi", "1"));
        Assert.Equal(ImageOutcome.Unchanged, Assert.Single(second.Images).Outcome);
    }

    [Fact]
    public async Task Corrupted_layer_fails_the_image_and_commits_nothing()
    {
        TestImages.PushImage(_source, "app", "1", "layer-one");
        _source.CorruptBlobs = true;

        var report = await Engine().RunEntryAsync(Entry(SyncKind.Image, "src.example/app:1", "dst.example/app"),
            false, default);

        var image = Assert.Single(report.Images);
        Assert.Equal(ImageOutcome.Failed, image.Outcome);
        Assert.Contains("digest mismatch", image.Error);
        Assert.Empty(_target.Tags("app"));
        Assert.Equal(0, _target.Calls("put"));
    }

    [Fact]
    public async Task Target_auth_error_is_an_error_not_missing()
    {
        TestImages.PushImage(_source, "app", "1", "a");
        _target.HeadFailure = 401;

        var report = await Engine().RunEntryAsync(Entry(SyncKind.Image, "src.example/app:1", "dst.example/app"),
            true, default);

        Assert.Equal(ImageOutcome.Failed, Assert.Single(report.Images).Outcome);
        Assert.Equal(0, _target.Calls("upload"));
    }

    [Fact]
    public async Task Unreachable_source_fails_only_its_entries()
    {
        var other = new FakeRegistry("other.example");
        TestImages.PushImage(_source, "app", "1", "a");
        other.Unreachable = true;
        var engine = new SyncEngine(new FakeRegistryProvider(_source, _target, other), NullLogger.Instance);

        var reports = await engine.RunAsync(
            [Entry(SyncKind.Repository, "other.example/x", "dst.example/x"),
             Entry(SyncKind.Image, "src.example/app:1", "dst.example/app")],
            false, default);

        Assert.True(reports[0].Failed);
        Assert.Equal(ImageOutcome.Synced, Assert.Single(reports[1].Images).Outcome);
    }

    [Fact]
    public async Task Shared_layer_is_uploaded_once_then_mounted()
    {
        TestImages.PushImage(_source, "one", "1", "shared-base", "one");
        TestImages.PushImage(_source, "two", "1", "shared-base", "two");
        var engine = Engine();

        await engine.RunEntryAsync(Entry(SyncKind.Image, "src.example/one:1", "dst.example/one"), false, default);
        await engine.RunEntryAsync(Entry(SyncKind.Image, "src.example/two:1", "dst.example/two"), false, default);

        Assert.Equal(1, _target.Calls("mount"));
        Assert.Equal(5, _target.Calls("upload"));
    }

    [Fact]
    public async Task Same_registry_copy_mounts_from_the_source_repository()
    {
        var digest = TestImages.PushImage(_target, "app", "1", "a", "b");

        var entry = Entry(SyncKind.Image, "dst.example/app:1", "dst.example/copy/app");

        await Engine().RunEntryAsync(entry, false, default);

        Assert.Equal(digest, _target.TagDigest("copy/app", "1"));
        Assert.Equal(0, _target.Calls("upload"));
        Assert.Equal(3, _target.Calls("mount"));
    }

    [Fact]
    public async Task Backup_tags_the_old_target_before_it_is_overwritten()
    {
        var old = TestImages.PushImage(_target, "app", "1", "old");
        var fresh = TestImages.PushImage(_source, "app", "1", "new");
        var entry = Entry(SyncKind.Image, "src.example/app:1", "dst.example/app") with { Backup = "{{.Ref.Tag}}-prev" };

        await Engine().RunEntryAsync(entry, false, default);

        Assert.Equal(fresh, _target.TagDigest("app", "1"));
        Assert.Equal(old, _target.TagDigest("app", "1-prev"));
    }

    [Fact]
    public async Task Dry_run_reports_stale_images_and_writes_nothing()
    {
        TestImages.PushImage(_source, "app", "1", "a");

        var report = await Engine().RunEntryAsync(Entry(SyncKind.Image, "src.example/app:1", "dst.example/app"),
            true, default);

        Assert.Equal(ImageOutcome.Stale, Assert.Single(report.Images).Outcome);
        Assert.Equal(0, _target.Calls("put") + _target.Calls("upload") + _source.Calls("get"));
    }

    [Fact]
    public async Task Entry_below_its_ratelimit_min_is_deferred_without_pulling()
    {
        TestImages.PushImage(_source, "app", "1", "a");
        _source.LastRateLimit = new RateLimitInfo(100, 10, TimeSpan.FromHours(6));
        var entry = Entry(SyncKind.Image, "src.example/app:1", "dst.example/app") with { RateLimitMin = 50 };

        var report = await Engine().RunEntryAsync(entry, false, default);

        Assert.Equal(ImageOutcome.Deferred, Assert.Single(report.Images).Outcome);
        Assert.True(report.Deferred);
        Assert.False(report.Failed);
        Assert.Equal(0, _source.Calls("get") + _source.Calls("blob-get") + _target.Calls("put"));
    }

    [Fact]
    public async Task Missing_source_tag_is_reported_not_failed()
    {
        var report = await Engine().RunEntryAsync(Entry(SyncKind.Image, "src.example/app:9", "dst.example/app"),
            false, default);

        Assert.Equal(ImageOutcome.SourceMissing, Assert.Single(report.Images).Outcome);
        Assert.False(report.Failed);
    }
}
