using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Distribution;
using RegistryOps.Core.Jobs;
using RegistryOps.Core.State;
using RegistryOps.Jobs.ChangeDetection;

namespace RegistryOps.IntegrationTests.ChangeDetection;

/// <summary>The changes job over a real SQLite state store in a temp folder.</summary>
internal sealed class ChangesJobHarness : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly string _stateFolder = Directory.CreateTempSubdirectory("registryops-changes-").FullName;

    public ChangesJobHarness()
    {
        Store = new SqliteStateStore(_stateFolder);
        Job = new ChangesJob(new RegistryClientFactory(NullLoggerFactory.Instance, TimeProvider.System), Store,
            new ChangesMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
            TimeProvider.System, NullLogger<ChangesJob>.Instance);
    }

    public SqliteStateStore Store { get; }

    public ChangesJob Job { get; }

    public static RegistryOpsConfig Config(Uri registry, int pageSize = 2, string? username = null,
        string? password = null) => new()
    {
        Hostname = "registry.test",
        Registry = new RegistryConfig
        {
            Url = registry.AbsoluteUri,
            PageSize = pageSize,
            Username = username,
            Password = password is null ? null : new Secret("test", password),
        },
        Jobs = new JobsConfig { Changes = new ChangesJobConfig { Parallelism = 4 } },
    };

    public Task<JobResult> RunAsync(RegistryOpsConfig config, bool dryRun = false) =>
        Job.RunAsync(new JobContext(Guid.NewGuid().ToString("N"), JobTrigger.Manual, config, dryRun),
            CancellationToken.None);

    public Task<string?> StoredAsync() =>
        Store.GetJobStateAsync(ChangesJob.JobName, ChangesJob.SnapshotKey, CancellationToken.None);

    public void Dispose()
    {
        Store.Dispose();
        _services.Dispose();
        Directory.Delete(_stateFolder, recursive: true);
    }
}
