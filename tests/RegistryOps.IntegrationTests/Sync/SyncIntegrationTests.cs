using System.Diagnostics;
using RegistryOps.IntegrationTests.Infrastructure;
using RegistryOps.Jobs.Sync;

namespace RegistryOps.IntegrationTests.Sync;

[Collection(RegistryCollection.Name)]
public sealed class SyncIntegrationTests : IClassFixture<SyncRegistries>
{
    private readonly SyncRegistries _registries;

    public SyncIntegrationTests(SyncRegistries registries)
    {
        _registries = registries;
    }

    private RegistryContainer Source => _registries.Source;

    private RegistryContainer Target => _registries.Target;

    private string Src => SyncRig.Host(Source);

    private string Dst => SyncRig.Host(Target);

    [Fact]
    public async Task Image_repository_and_registry_entries_sync_exactly_the_filtered_tags()
    {
        using var rig = new SyncRig();
        var images = Source.Images();
        var pushed = new Dictionary<string, PushedImage>();
        foreach (var tag in new[] { "1.0.0", "1.2.0", "1.3.0-rc1", "2.0.0", "latest", "dev" })
        {
            pushed[tag] = await images.PushImageAsync("filter/app", tag, [700]);
        }

        await images.PushImageAsync("filter/single", "v1", [300]);
        await images.PushImageAsync("whole/keep", "a", [300]);
        await images.PushImageAsync("whole/drop", "a", [300]);
        var path = rig.WriteFile([Src, Dst], $"""
              - source: {Src}/filter/app
                target: {Dst}/filtered/app
                type: repository
                tags:
                  semverRange: [">=1.0.0 <2.0.0"]
                  deny: [".*-rc.*"]
              - source: {Src}/filter/app
                target: {Dst}/allowed/app
                type: repository
                tags:
                  allow: ["lat.*", "de"]
              - source: {Src}/filter/single:v1
                target: {Dst}/single/copy
                type: image
              - source: {Src}
                target: {Dst}
                type: registry
                repos:
                  allow: ["whole/.*"]
                  deny: [".*/drop"]
            """);

        var (reports, session) = await SyncRig.RunAsync(path);
        session.Dispose();

        Assert.All(reports, r => Assert.False(r.Failed, r.Describe()));
        Assert.Equal(["1.0.0", "1.2.0"], await SyncRig.TagsAsync(Target, "filtered/app"));
        Assert.Equal(["latest"], await SyncRig.TagsAsync(Target, "allowed/app"));
        Assert.Equal(["v1"], await SyncRig.TagsAsync(Target, "single/copy"));
        Assert.Equal(["a"], await SyncRig.TagsAsync(Target, "whole/keep"));
        Assert.Empty(await SyncRig.TagsAsync(Target, "whole/drop"));
        Assert.Equal(pushed["1.2.0"].Digest, await SyncRig.DigestAsync(Target, "filtered/app", "1.2.0"));
        Assert.Equal(pushed["1.2.0"].Digest, await SyncRig.SkopeoDigestAsync(Target, "filtered/app", "1.2.0"));
        Assert.Equal(await SyncRig.SkopeoDigestAsync(Source, "filter/app", "latest"),
            await SyncRig.SkopeoDigestAsync(Target, "allowed/app", "latest"));
    }

    [Fact]
    public async Task Multi_arch_index_keeps_its_digest_and_second_run_only_heads()
    {
        using var rig = new SyncRig();
        var index = await Source.Images().PushIndexAsync("multi/app", "1");
        await Source.Images().PushImageAsync("multi/app", "2", [400]);
        await Source.Images().PushImageAsync("multi/one", "x", [400]);
        var path = rig.WriteFile([Src, Dst], $"""
              - source: {Src}/multi/app
                target: {Dst}/multi/app
                type: repository
              - source: {Src}/multi/one:x
                target: {Dst}/multi/one
                type: image
            """);

        var (first, firstSession) = await SyncRig.RunAsync(path);
        firstSession.Dispose();
        var (second, session) = await SyncRig.RunAsync(path);
        using var _ = session;

        Assert.Equal(3, first.Sum(r => r.Count(ImageOutcome.Synced)));
        Assert.Equal(index.Digest, await SyncRig.DigestAsync(Target, "multi/app", "1"));
        Assert.Equal(index.Digest, await SyncRig.SkopeoDigestAsync(Target, "multi/app", "1"));
        foreach (var child in index.Children)
        {
            Assert.Equal(child.Digest, await SyncRig.DigestAsync(Target, "multi/app", child.Digest));
        }

        Assert.Equal(3, second.Sum(r => r.Count(ImageOutcome.Unchanged)));
        var source = session.ClientFor(Src).Stats;
        var target = session.ClientFor(Dst).Stats;
        Assert.Equal(3, source.Count(HttpMethod.Head));
        Assert.Equal(3, target.Count(HttpMethod.Head));
        Assert.Equal(1, source.Count(HttpMethod.Get));
        Assert.Equal(0, target.Count(HttpMethod.Get));
        Assert.Equal(4, source.Total);
        Assert.Equal(3, target.Total);
    }

    [Fact]
    public async Task Platform_entry_tags_one_platform_and_backup_keeps_the_old_target()
    {
        using var rig = new SyncRig();
        var index = await Source.Images().PushIndexAsync("plat/app", "1");
        var old = await Target.Images().PushImageAsync("plat/app", "1", [200]);
        const string backup = "{{.Ref.Tag}}-previous";
        var path = rig.WriteFile([Src, Dst], $"""
              - source: {Src}/plat/app:1
                target: {Dst}/plat/app
                type: image
                platform: linux/arm64
                backup: "{backup}"
            """);

        var (reports, session) = await SyncRig.RunAsync(path);
        session.Dispose();

        var result = Assert.Single(Assert.Single(reports).Images);
        Assert.True(result.Outcome == ImageOutcome.Synced, result.Error);
        Assert.Equal(index.Children[1].Digest, await SyncRig.DigestAsync(Target, "plat/app", "1"));
        Assert.Equal(old.Digest, await SyncRig.DigestAsync(Target, "plat/app", "1-previous"));
    }

    [Fact]
    public async Task Flipped_byte_in_a_layer_fails_the_image_and_commits_nothing()
    {
        using var rig = new SyncRig();
        using var proxy = new FaultProxy(Source.BaseUri) { CorruptBlobs = true };
        var image = await Source.Images().PushImageAsync("corrupt/app", "1", [5000]);
        var path = rig.WriteFile([proxy.Host, Dst], $"""
              - source: {proxy.Host}/corrupt/app:1
                target: {Dst}/corrupt/app
                type: image
            """);

        var (reports, session) = await SyncRig.RunAsync(path);
        using var _ = session;

        var result = Assert.Single(Assert.Single(reports).Images);
        Assert.Equal(ImageOutcome.Failed, result.Outcome);
        Assert.Contains("digest mismatch", result.Error);
        Assert.Null(await SyncRig.DigestAsync(Target, "corrupt/app", "1"));
        var blobs = Directory.Exists(Path.Combine(Target.StorageDirectory, "docker/registry/v2/blobs/sha256"))
            ? Directory.GetDirectories(Path.Combine(Target.StorageDirectory, "docker/registry/v2/blobs/sha256"), "*",
                SearchOption.AllDirectories).Select(Path.GetFileName).ToHashSet()
            : [];
        foreach (var layer in image.Layers)
        {
            Assert.DoesNotContain(layer.Digest["sha256:".Length..], blobs);
            Assert.False(await session.ClientFor(Dst).BlobExistsAsync("corrupt/app", layer.Digest, default));
        }
    }

    [Fact]
    public async Task Rate_limited_source_is_waited_out()
    {
        using var rig = new SyncRig();
        using var proxy = new FaultProxy(Source.BaseUri);
        var image = await Source.Images().PushImageAsync("limited/app", "1", [300]);
        proxy.TooManyRequests(1, retryAfterSeconds: 2);
        var path = rig.WriteFile([proxy.Host, Dst], $"""
              - source: {proxy.Host}/limited/app:1
                target: {Dst}/limited/app
                type: image
            """);

        var clock = Stopwatch.StartNew();
        var (reports, session) = await SyncRig.RunAsync(path);
        session.Dispose();

        Assert.Equal(ImageOutcome.Synced, Assert.Single(Assert.Single(reports).Images).Outcome);
        Assert.Equal(1, proxy.RateLimited);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.Equal(image.Digest, await SyncRig.DigestAsync(Target, "limited/app", "1"));
    }

    [Fact]
    public async Task Rate_limit_beyond_the_budget_fails_that_entry_only()
    {
        using var rig = new SyncRig();
        using var proxy = new FaultProxy(Source.BaseUri);
        await Source.Images().PushImageAsync("budget/app", "1", [300]);
        await Source.Images().PushImageAsync("budget/other", "1", [300]);
        proxy.TooManyRequests(100, retryAfterSeconds: 60);
        var path = rig.WriteFile([proxy.Host, Src, Dst], $"""
              - source: {proxy.Host}/budget/app:1
                target: {Dst}/budget/app
                type: image
              - source: {Src}/budget/other:1
                target: {Dst}/budget/other
                type: image
            """);

        var (reports, session) = await SyncRig.RunAsync(path, retryBudget: TimeSpan.FromSeconds(5));
        session.Dispose();

        Assert.True(reports[0].Failed);
        Assert.Equal(ImageOutcome.Synced, Assert.Single(reports[1].Images).Outcome);
    }

    [Fact]
    public async Task Unreachable_source_fails_only_its_entries()
    {
        using var rig = new SyncRig();
        var dead = $"127.0.0.1:{FreePort.Next()}";
        var image = await Source.Images().PushImageAsync("alive/app", "1", [300]);
        var path = rig.WriteFile([dead, Src, Dst], $"""
              - source: {dead}/gone/app
                target: {Dst}/gone/app
                type: repository
              - source: {dead}/gone/img:1
                target: {Dst}/gone/img
                type: image
              - source: {Src}/alive/app:1
                target: {Dst}/alive/app
                type: image
            """);

        var (reports, session) = await SyncRig.RunAsync(path);
        session.Dispose();

        Assert.True(reports[0].Failed);
        Assert.True(reports[1].Failed);
        Assert.Equal(ImageOutcome.Synced, Assert.Single(reports[2].Images).Outcome);
        Assert.Equal(image.Digest, await SyncRig.DigestAsync(Target, "alive/app", "1"));
    }
}
