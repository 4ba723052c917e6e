using RegistryOps.Core.Distribution;
using RegistryOps.Core.Jobs;
using RegistryOps.IntegrationTests.Infrastructure;
using RegistryOps.Jobs.ChangeDetection;

namespace RegistryOps.IntegrationTests.ChangeDetection;

[Collection(RegistryCollection.Name)]
public sealed class ChangesJobTests
{
    [Fact]
    public async Task FirstRun_StoresTheSnapshot_AndSaysItInitialised()
    {
        await using var registry = await RegistryContainer.StartAsync();
        var images = registry.Images();
        for (var i = 1; i <= 5; i++)
        {
            var image = await images.PushImageAsync($"team/app{i}", "v1");
            await images.TagAsync(image, "latest");
            await images.TagAsync(image, "stable");
        }

        using var harness = new ChangesJobHarness();
        var result = await harness.RunAsync(ChangesJobHarness.Config(registry.BaseUri, pageSize: 2));

        Assert.Equal(JobOutcome.Succeeded, result.Outcome);
        Assert.Equal("initialised: 5 repositories, 15 tags", result.Summary);
        var stored = RegistrySnapshot.FromJson((await harness.StoredAsync())!);
        Assert.Equal(15, stored.TagCount);
    }

    [Fact]
    public async Task SecondRun_ReportsNewRemovedRetaggedAndDeleted_WithOldAndNewDigests()
    {
        await using var registry = await RegistryContainer.StartAsync();
        var images = registry.Images();
        var v1 = await images.PushImageAsync("shop/api", "v1");
        await images.TagAsync(v1, "latest");
        var beta = await images.PushImageAsync("shop/api", "beta");
        var web = await images.PushImageAsync("shop/web", "1.0");
        await images.PushImageAsync("shop/keep", "1.0");
        using var harness = new ChangesJobHarness();
        var config = ChangesJobHarness.Config(registry.BaseUri, pageSize: 2);
        await harness.RunAsync(config);

        var v2 = await images.PushImageAsync("shop/api", "v2");
        await images.TagAsync(v2, "latest");
        await images.DeleteManifestAsync("shop/api", beta.Digest);
        await images.DeleteManifestAsync("shop/web", web.Digest);
        await images.PushIndexAsync("shop/multi", "latest");
        var result = await harness.RunAsync(config);

        Assert.Equal(JobOutcome.Succeeded, result.Outcome);
        Assert.Equal("5 changes in 3 repositories: 1 new, 1 removed, 1 updated (3 repositories, 5 tags)",
            result.Summary);
        var notification = Assert.IsType<RegistryOps.Core.Notifications.Notification>(result.Notification);
        Assert.Equal("registry.test: 5 changes", notification.Title);
        var lines = notification.Body.Split('\n');
        Assert.Contains("- `shop/multi` (1 tag)", lines);
        Assert.Contains("- `shop/web` (no tags left; had 1 tag)", lines);
        Assert.Contains("- + `v2`", lines);
        Assert.Contains("- − `beta`", lines);
        Assert.Contains($"- `latest` {ShortDigest.Of(v1.Digest)} → {ShortDigest.Of(v2.Digest)}", lines);
        Assert.DoesNotContain(lines, l => l.Contains("shop/keep"));
    }

    [Fact]
    public async Task DryRun_ReportsButStoresNothing_AndNotifyUnchangedSendsANote()
    {
        await using var registry = await RegistryContainer.StartAsync();
        await registry.Images().PushImageAsync("dry/app", "v1");
        using var harness = new ChangesJobHarness();
        var config = ChangesJobHarness.Config(registry.BaseUri);
        var quiet = ChangesJobHarness.Config(registry.BaseUri);
        var chatty = new RegistryOps.Core.Configuration.RegistryOpsConfig
        {
            Hostname = quiet.Hostname,
            Registry = quiet.Registry,
            Jobs = new RegistryOps.Core.Configuration.JobsConfig
            {
                Changes = new RegistryOps.Core.Configuration.ChangesJobConfig { NotifyUnchanged = true },
            },
        };

        var dry = await harness.RunAsync(config, dryRun: true);
        Assert.Equal("dry run, not stored: initialised: 1 repository, 1 tag", dry.Summary);
        Assert.Null(await harness.StoredAsync());

        await harness.RunAsync(config);
        var unchanged = await harness.RunAsync(quiet);
        var noted = await harness.RunAsync(chatty);

        Assert.Null(unchanged.Notification);
        Assert.Equal("registry.test: no changes", noted.Notification?.Title);
    }

    [Fact]
    public async Task RegistryFailingMidListing_KeepsTheStoredSnapshot_AndReportsNoRemovals()
    {
        await using var registry = await RegistryContainer.StartAsync();
        var images = registry.Images();
        for (var i = 1; i <= 6; i++)
        {
            await images.PushImageAsync($"lib/r{i}", "1.0");
        }

        using var proxy = new FaultProxy(registry.BaseUri);
        using var harness = new ChangesJobHarness();
        var config = ChangesJobHarness.Config(proxy.BaseUri, pageSize: 2);
        await harness.RunAsync(config);
        var stored = await harness.StoredAsync();

        proxy.FailAfter = proxy.Requests + 5;
        var failed = await harness.RunAsync(config);

        Assert.Equal(JobOutcome.Failed, failed.Outcome);
        Assert.Contains("500", failed.Summary);
        Assert.Contains("stored snapshot kept", failed.Summary);
        Assert.Equal("registry.test: change scan failed", failed.Notification?.Title);
        Assert.Equal(stored, await harness.StoredAsync());

        proxy.FailAfter = null;
        var recovered = await harness.RunAsync(config);
        Assert.Equal("no changes (6 repositories, 6 tags)", recovered.Summary);
        Assert.Null(recovered.Notification);
    }

    [Fact]
    public async Task Snapshot_CostsCatalogPagesTagPagesAndOneHeadPerTag_AndNoManifestGet()
    {
        await using var registry = await RegistryContainer.StartAsync();
        var images = registry.Images();
        for (var i = 1; i <= 5; i++)
        {
            var image = await images.PushImageAsync($"bench/r{i}", "a");
            await images.TagAsync(image, "b");
        }

        using var client = new RegistryClient(new RegistryEndpoint(registry.BaseUri, PageSize: 2));
        var result = await new SnapshotTaker(client, 4, TimeProvider.System).TakeAsync(CancellationToken.None);

        Assert.Equal(10, result.Snapshot.TagCount);
        Assert.Equal(10, client.Stats.Count(HttpMethod.Head));
        var catalogPages = 3;
        var tagPages = 5;
        Assert.Equal(catalogPages + tagPages, client.Stats.Count(HttpMethod.Get));
        Assert.Equal(client.Stats.Total, result.Requests);
    }

    [Fact]
    public async Task TokenRealmRegistry_IsSnapshotted()
    {
        await using var registry = await RegistryContainer.StartAsync(new RegistryOptions
        {
            Username = "ops",
            Password = "token-pass",
            TokenAuth = true,
        });
        await registry.Images().PushImageAsync("secure/app", "1.0");
        await registry.Images().PushImageAsync("secure/db", "2.0");

        using var harness = new ChangesJobHarness();
        var result = await harness.RunAsync(ChangesJobHarness.Config(registry.BaseUri, 100, "ops", "token-pass"));

        Assert.Equal("initialised: 2 repositories, 2 tags", result.Summary);
    }

    [Fact]
    public async Task BasicAuthRegistry_WithWrongPassword_FailsAndStoresNothing()
    {
        await using var registry = await RegistryContainer.StartAsync(new RegistryOptions
        {
            Username = "ops",
            Password = "right",
        });
        await registry.Images().PushImageAsync("secure/app", "1.0");

        using var harness = new ChangesJobHarness();
        var good = await harness.RunAsync(ChangesJobHarness.Config(registry.BaseUri, 100, "ops", "right"));
        var bad = await harness.RunAsync(ChangesJobHarness.Config(registry.BaseUri, 100, "ops", "wrong"));

        Assert.Equal("initialised: 1 repository, 1 tag", good.Summary);
        Assert.Equal(JobOutcome.Failed, bad.Outcome);
        Assert.Contains("catalog", bad.Summary);
        Assert.Contains("401", bad.Summary);
        Assert.DoesNotContain("wrong", bad.Summary);
    }
}
