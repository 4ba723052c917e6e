using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RegistryOps.Core;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Coordination;
using RegistryOps.Core.Jobs;
using RegistryOps.Core.Scheduling;
using RegistryOps.Core.State;
using RegistryOps.Tests.State;

namespace RegistryOps.Tests.Scheduling;

public sealed class RuntimeServiceCollectionExtensionsTests : IDisposable
{
    private readonly TestDirectory _dir = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public async Task AddRegistryOpsRuntime_ResolvesOneSchedulerAsHostedServiceAndTrigger()
    {
        var config = new RegistryOpsConfig
        {
            Paths = new PathsConfig
            {
                State = Path.Combine(_dir.Path, "state"),
                Runtime = Path.Combine(_dir.Path, "run"),
            },
        };
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfigProvider>(new FakeConfigProvider(config))
            .AddSingleton<IJob>(TestJob.Changes());

        services.AddRegistryOpsRuntime();
        services.AddRegistryOpsRuntime();
        await using var provider =
            services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var scheduler = provider.GetRequiredService<JobScheduler>();
        Assert.Same(scheduler, Assert.Single(provider.GetServices<IHostedService>()));
        Assert.Same(scheduler, provider.GetRequiredService<IJobTrigger>());
        Assert.IsType<RegistryLockManager>(provider.GetRequiredService<IRegistryLockManager>());
        var store = Assert.IsType<SqliteStateStore>(provider.GetRequiredService<IStateStore>());
        Assert.Equal(Path.Combine(_dir.Path, "state", "state.db"), store.DatabasePath);

        var report = await provider.GetRequiredService<IJobRunner>()
            .RunAsync(TestJob.Changes(), JobTrigger.Once, false, default);
        Assert.Equal(JobOutcome.Succeeded, report.Outcome);
    }
}
