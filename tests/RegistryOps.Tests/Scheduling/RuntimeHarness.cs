using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Coordination;
using RegistryOps.Core.Jobs;
using RegistryOps.Core.Scheduling;
using RegistryOps.Core.State;
using RegistryOps.Core.Telemetry;
using RegistryOps.Tests.State;
using System.Diagnostics.Metrics;

namespace RegistryOps.Tests.Scheduling;

/// <summary>The real runtime (store, lock manager, runner, scheduler) on a fake clock, with
/// temporary state and runtime directories.</summary>
internal sealed class RuntimeHarness : IAsyncDisposable
{
    private readonly TestDirectory _dir = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private bool _started;

    public RuntimeHarness(DateTimeOffset now, Func<JobsConfig> jobs, params IJob[] jobList)
    {
        Time = new FakeTimeProvider(now);
        Config = new FakeConfigProvider(NewConfig(jobs()));
        Store = new SqliteStateStore(Path.Combine(_dir.Path, "state"), Time);
        Locks = new RegistryLockManager(Path.Combine(_dir.Path, "run"), null, Time);
        Metrics = new RegistryOpsMetrics(_services.GetRequiredService<IMeterFactory>());
        Runner = new JobRunner(Store, Locks, Metrics, Notifier, Config, Time, RunnerLogger);
        Scheduler = new JobScheduler(jobList, Runner, Config, Store, Time, Metrics,
            NullLogger<JobScheduler>.Instance, TimeSpan.FromSeconds(5));
    }

    public FakeTimeProvider Time { get; }

    public FakeConfigProvider Config { get; }

    public SqliteStateStore Store { get; }

    public RegistryLockManager Locks { get; }

    public RegistryOpsMetrics Metrics { get; }

    public RecordingNotifier Notifier { get; } = new();

    public RecordingLogger<JobRunner> RunnerLogger { get; } = new();

    public JobRunner Runner { get; }

    public JobScheduler Scheduler { get; }

    public RegistryOpsConfig NewConfig(JobsConfig jobs) => new()
    {
        Timezone = "Europe/Berlin",
        Paths = new PathsConfig { State = Path.Combine(_dir.Path, "state"), Runtime = Path.Combine(_dir.Path, "run") },
        Jobs = jobs,
    };

    public async Task StartAsync()
    {
        _started = true;
        await Scheduler.StartAsync(default);
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await Scheduler.StopAsync(default);
        }

        Scheduler.Dispose();
        Store.Dispose();
        SqliteConnection.ClearAllPools();
        await _services.DisposeAsync();
        _dir.Dispose();
    }
}
