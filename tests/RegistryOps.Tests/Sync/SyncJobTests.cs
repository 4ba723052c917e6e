using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Distribution;
using RegistryOps.Core.Jobs;
using RegistryOps.Core.State;
using RegistryOps.Jobs.Sync;
using RegistryOps.Tests.State;

namespace RegistryOps.Tests.Sync;

public sealed class SyncJobTests : IDisposable
{
    private readonly TestDirectory _directory = new();
    private readonly SqliteStateStore _state;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly FakeRegistry _source = new("src.example");
    private readonly FakeRegistry _target = new("dst.example");
    private readonly FakeRegistry _hub = new("docker.io");
    private readonly List<SyncEntrySpec> _entries = [];
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public SyncJobTests()
    {
        _state = new SqliteStateStore(_directory.Path, _time);
    }

    public void Dispose()
    {
        _state.Dispose();
        _services.Dispose();
        _directory.Dispose();
    }

    private SyncJob Job() => new(
        new PlanSource(() => new SyncPlan(_entries, [], [])),
        new Factory(new FakeRegistryProvider(_source, _target, _hub)),
        _state,
        new SyncMetrics(_services.GetRequiredService<IMeterFactory>()),
        _time,
        NullLogger<SyncJob>.Instance);

    private static JobContext Context(JobTrigger trigger = JobTrigger.Schedule, bool dryRun = false) =>
        new("run-1", trigger, new RegistryOpsConfig { Hostname = "reg1", Timezone = "UTC" }, dryRun);

    private void AddEntry(string repository, string tag, TimeSpan? interval = null)
    {
        TestImages.PushImage(_source, repository, tag, repository + tag);
        _entries.Add(new SyncEntrySpec($"f:{repository}", SyncKind.Image,
            ImageReference.Parse($"src.example/{repository}:{tag}"), ImageReference.Parse($"dst.example/{repository}"))
        {
            Interval = interval,
        });
    }

    [Fact]
    public async Task Run_syncs_and_says_what_in_a_short_notification()
    {
        AddEntry("one", "1");
        AddEntry("two", "1");

        var result = await Job().RunAsync(Context(), default);

        Assert.Equal(JobOutcome.Succeeded, result.Outcome);
        Assert.StartsWith("synced 2 of 2", result.Summary);
        Assert.NotNull(result.Notification);
        Assert.Contains("reg1", result.Notification.Title);
        Assert.Contains("dst.example/one:1", result.Notification.Body);
    }

    [Fact]
    public async Task Nothing_changed_means_no_notification()
    {
        AddEntry("one", "1");
        await Job().RunAsync(Context(), default);

        var result = await Job().RunAsync(Context(), default);

        Assert.Equal(JobOutcome.Succeeded, result.Outcome);
        Assert.StartsWith("synced 0 of 1 images, 1 up to date", result.Summary);
        Assert.Null(result.Notification);
    }

    [Fact]
    public async Task Some_failed_entries_make_the_run_partial_and_name_the_failure()
    {
        AddEntry("one", "1");
        _entries.Add(new SyncEntrySpec("f:gone", SyncKind.Repository, ImageReference.Parse("other.example/gone"),
            ImageReference.Parse("dst.example/gone")));
        var other = new FakeRegistry("other.example") { Unreachable = true };
        var job = new SyncJob(new PlanSource(() => new SyncPlan(_entries, [], [])),
            new Factory(new FakeRegistryProvider(_source, _target, other)), _state,
            new SyncMetrics(_services.GetRequiredService<IMeterFactory>()), _time, NullLogger<SyncJob>.Instance);

        var result = await job.RunAsync(Context(), default);

        Assert.Equal(JobOutcome.Partial, result.Outcome);
        Assert.StartsWith("synced 1 of 1 images, 1 entry failed", result.Summary);
        Assert.DoesNotContain("failed 0", result.Summary);
        Assert.Contains("other.example/gone", result.Notification!.Body);
    }

    [Fact]
    public async Task Entry_interval_is_honoured_on_schedule_and_ignored_by_a_manual_run()
    {
        AddEntry("one", "1", interval: TimeSpan.FromHours(6));
        await Job().RunAsync(Context(), default);
        _time.Advance(TimeSpan.FromHours(1));
        _source.ResetCalls();

        var scheduled = await Job().RunAsync(Context(), default);
        var manual = await Job().RunAsync(Context(JobTrigger.Manual), default);
        _time.Advance(TimeSpan.FromHours(6));
        var later = await Job().RunAsync(Context(), default);

        Assert.Equal(JobOutcome.Skipped, scheduled.Outcome);
        Assert.Equal(JobOutcome.Succeeded, manual.Outcome);
        Assert.Equal(JobOutcome.Succeeded, later.Outcome);
        Assert.Equal(2, _source.Calls("head"));
    }

    [Fact]
    public async Task Hub_budget_below_abort_stops_before_pulling_and_notifies()
    {
        _hub.LastRateLimit = new RateLimitInfo(100, 50, TimeSpan.FromHours(6));
        TestImages.PushImage(_hub, "library/alpine", "3", "x");
        _entries.Add(new SyncEntrySpec("f:alpine", SyncKind.Image, ImageReference.Parse("alpine:3"),
            ImageReference.Parse("dst.example/library/alpine")));

        var result = await Job().RunAsync(Context(), default);

        Assert.Equal(JobOutcome.Failed, result.Outcome);
        Assert.Contains("remaining 50 of 100 per 6h", result.Summary);
        Assert.NotNull(result.Notification);
        Assert.Equal(1, _hub.Calls("head"));
        Assert.Equal(0, _hub.Calls("get") + _hub.Calls("blob-get"));
        Assert.Equal(0, _target.TotalCalls);
    }

    [Fact]
    public async Task Hub_budget_below_warn_syncs_and_warns()
    {
        _hub.LastRateLimit = new RateLimitInfo(200, 150, TimeSpan.FromHours(6));
        TestImages.PushImage(_hub, "library/alpine", "3", "x");
        _entries.Add(new SyncEntrySpec("f:alpine", SyncKind.Image, ImageReference.Parse("alpine:3"),
            ImageReference.Parse("dst.example/library/alpine")));

        var result = await Job().RunAsync(Context(), default);

        Assert.Equal(JobOutcome.Succeeded, result.Outcome);
        Assert.Contains("remaining 150 of 200", result.Notification!.Body);
        Assert.Equal(Core.Notifications.NotificationPriority.High, result.Notification.Priority);
    }

    [Fact]
    public async Task Dry_run_checks_only()
    {
        AddEntry("one", "1");

        var result = await Job().RunAsync(Context(dryRun: true), default);

        Assert.StartsWith("stale 1 of 1", result.Summary);
        Assert.Equal(0, _target.Calls("put"));
    }

    private sealed class PlanSource(Func<SyncPlan> plan) : ISyncPlanSource
    {
        public Task<SyncPlan> LoadAsync(SyncJobConfig config, CancellationToken cancellationToken) =>
            Task.FromResult(plan());
    }

    private sealed class Factory(ISyncRegistryProvider registries) : ISyncRegistryFactory
    {
        public ISyncRegistrySession Open(IReadOnlyList<SyncRegistrySettings> settings, SyncJobConfig config) =>
            new Session(registries);
    }

    private sealed class Session(ISyncRegistryProvider registries) : ISyncRegistrySession
    {
        public ISyncRegistry Get(string host) => registries.Get(host);

        public void Dispose()
        {
        }
    }
}
