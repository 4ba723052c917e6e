using Microsoft.Extensions.DependencyInjection;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Jobs;
using RegistryOps.Core.State;
using RegistryOps.IntegrationTests.Infrastructure;
using RegistryOps.Jobs.Sync;

namespace RegistryOps.IntegrationTests.Sync;

[Collection(RegistryCollection.Name)]
public sealed class SyncJobIntegrationTests : IClassFixture<SyncRegistries>
{
    private readonly SyncRegistries _registries;

    public SyncJobIntegrationTests(SyncRegistries registries)
    {
        _registries = registries;
    }

    [Fact]
    public async Task Sync_job_from_the_container_copies_then_reports_nothing_to_do()
    {
        using var rig = new SyncRig();
        var stateDirectory = Directory.CreateTempSubdirectory("registryops-sync-state-").FullName;
        var source = SyncRig.Host(_registries.Source);
        var target = SyncRig.Host(_registries.Target);
        var image = await _registries.Source.Images().PushImageAsync("job/app", "1", [300]);
        var path = rig.WriteFile([source, target], $"""
              - source: {source}/job/app
                target: {target}/job/app
                type: repository
            """);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IStateStore>(new SqliteStateStore(stateDirectory))
            .AddRegistryOpsSync()
            .AddRegistryOpsSync()
            .BuildServiceProvider();
        var job = services.GetServices<IJob>().Single(j => j.Name == "sync");
        var config = new RegistryOpsConfig
        {
            Hostname = "reg1",
            Jobs = new JobsConfig { Sync = new SyncJobConfig { Files = path } },
        };

        var first = await job.RunAsync(new JobContext("r1", JobTrigger.Manual, config, false), default);
        var second = await job.RunAsync(new JobContext("r2", JobTrigger.Manual, config, false), default);

        Assert.Equal(RegistryAccess.Shared, job.Access);
        Assert.Equal(JobOutcome.Succeeded, first.Outcome);
        Assert.StartsWith("synced 1 of 1", first.Summary);
        Assert.Contains($"{target}/job/app:1", first.Notification!.Body);
        Assert.Equal(image.Digest, await SyncRig.DigestAsync(_registries.Target, "job/app", "1"));
        Assert.StartsWith("synced 0 of 1", second.Summary);
        Assert.Null(second.Notification);
        await services.DisposeAsync();
        Directory.Delete(stateDirectory, recursive: true);
    }
}
