using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RegistryOps.Core.Coordination;
using RegistryOps.Core.Scheduling;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Jobs;
using RegistryOps.Core.Notifications;

namespace RegistryOps.Tests.Scheduling;

public sealed class JobRunnerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SameJobTwiceAtOnce_SecondIsSkippedAndFirstFinishes()
    {
        var job = TestJob.Changes();
        await using var rt = new RuntimeHarness(Now, () => new JobsConfig(), job);
        var gate = job.Block();

        var first = rt.Runner.RunAsync(job, JobTrigger.Manual, false, default);
        await Eventually.TrueAsync(() => job.Runs.Count == 1, "first run started");
        var second = await rt.Runner.RunAsync(job, JobTrigger.Manual, false, default);

        Assert.Equal(JobOutcome.Skipped, second.Outcome);
        Assert.Contains("already running", second.Summary);
        Assert.True(rt.Runner.IsRunning("changes"));
        gate.SetResult(JobResult.Succeeded("ok"));
        Assert.Equal(JobOutcome.Succeeded, (await first).Outcome);
        Assert.False(rt.Runner.IsRunning("changes"));
        Assert.Single(job.Runs);
    }

    [Fact]
    public async Task SameJobInAnotherProcess_IsSkippedNamingThatProcess()
    {
        var job = TestJob.Changes();
        var gate = job.Block();
        await using var rt = new RuntimeHarness(Now, () => new JobsConfig(), job);
        // A second runner with its own lock manager on the same runtime directory stands for a
        // one-shot command next to the daemon.
        var once = new JobRunner(rt.Store, new RegistryLockManager(rt.Config.Current.Paths.Runtime), rt.Metrics,
            rt.Notifier, rt.Config, rt.Time, NullLogger<JobRunner>.Instance);

        var daemonRun = rt.Runner.RunAsync(job, JobTrigger.Schedule, false, default);
        await Eventually.TrueAsync(() => job.Runs.Count == 1, "daemon run started");
        var refused = await once.RunAsync(job, JobTrigger.Once, false, default);

        Assert.Equal(JobOutcome.Skipped, refused.Outcome);
        Assert.StartsWith($"not started: changes is already running (pid {Environment.ProcessId} (run ",
            refused.Summary);
        gate.SetResult(JobResult.Succeeded("ok"));
        await daemonRun;
        Assert.Equal(JobOutcome.Succeeded, (await once.RunAsync(job, JobTrigger.Once, false, default)).Outcome);
    }

    [Fact]
    public async Task LockNotAvailable_RunIsSkippedNamingTheHolder()
    {
        var job = TestJob.Changes();
        var jobs = new JobsConfig
        {
            Changes = new ChangesJobConfig { LockTimeout = TimeSpan.FromMilliseconds(100) },
        };
        await using var rt = new RuntimeHarness(Now, () => jobs, job);
        await using var gc =
            await rt.Locks.AcquireAsync(RegistryAccess.Exclusive, "gc", TimeSpan.FromSeconds(1), default);

        // The fake clock drives the lock deadline; move it on once the run is waiting.
        var run = rt.Runner.RunAsync(job, JobTrigger.Schedule, false, default);
        await Eventually.TrueAsync(() => rt.Locks.Snapshot().Waiters.Count == 1, "run waits for the lock");
        rt.Time.Advance(TimeSpan.FromMilliseconds(100));
        var report = await run;

        Assert.Equal(JobOutcome.Skipped, report.Outcome);
        Assert.Equal("registry lock not available within 100ms; held by gc (exclusive)", report.Summary);
        Assert.Empty(job.Runs);
        var row = (await rt.Store.GetHistoryAsync("changes", 1, default))[0];
        Assert.Equal(JobOutcome.Skipped, row.Outcome);
    }

    [Fact]
    public async Task JobThrows_RunFailsWithTheMessageInHistoryLogAndNotification()
    {
        var job = TestJob.Changes();
        job.Body = (_, _) => throw new InvalidOperationException("catalog returned 500");
        await using var rt = new RuntimeHarness(Now, () => new JobsConfig(), job);

        var report = await rt.Runner.RunAsync(job, JobTrigger.Schedule, false, default);

        Assert.Equal(JobOutcome.Failed, report.Outcome);
        Assert.Equal("catalog returned 500", report.Summary);
        var row = (await rt.Store.GetHistoryAsync("changes", 1, default))[0];
        Assert.Equal((JobOutcome?)JobOutcome.Failed, row.Outcome);
        Assert.Equal("catalog returned 500", row.Summary);
        var logged = Assert.Single(rt.RunnerLogger.Events, e => e.Exception is not null);
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.StartsWith("changes failed in ", logged.Message);
        var notification = Assert.Single(rt.Notifier.Sent);
        Assert.Equal(NotificationPriority.High, notification.Priority);
        Assert.Equal("changes", notification.Job);
    }

    [Fact]
    public async Task JobFailsOnAnUnreachableRegistry_IsLoggedAsOneLineWithoutStackTrace()
    {
        var job = TestJob.Changes();
        job.Body = (_, _) => throw new RegistryOps.Core.Distribution.RegistryUnavailableException(
            "registry 127.0.0.1:5000 unreachable (GET http://127.0.0.1:5000/v2/, 3 attempts): Connection refused",
            "GET", "http://127.0.0.1:5000/v2/", new HttpRequestException("Connection refused"));
        await using var rt = new RuntimeHarness(Now, () => new JobsConfig(), job);

        var report = await rt.Runner.RunAsync(job, JobTrigger.Schedule, false, default);

        Assert.Equal(JobOutcome.Failed, report.Outcome);
        var finished = Assert.Single(rt.RunnerLogger.Events, e => e.Message.StartsWith("changes failed in "));
        Assert.Equal(LogLevel.Error, finished.Level);
        Assert.Null(finished.Exception);
        Assert.Contains("127.0.0.1:5000 unreachable", finished.Message);
    }

    [Fact]
    public async Task CallerCancels_RunIsCancelledNotFailed()
    {
        var job = TestJob.Changes();
        job.Block();
        await using var rt = new RuntimeHarness(Now, () => new JobsConfig(), job);
        using var shutdown = new CancellationTokenSource();

        var run = rt.Runner.RunAsync(job, JobTrigger.Schedule, false, shutdown.Token);
        await Eventually.TrueAsync(() => job.Runs.Count == 1, "run started");
        await shutdown.CancelAsync();
        var report = await run;

        Assert.Equal(JobOutcome.Cancelled, report.Outcome);
        Assert.Equal("cancelled at shutdown", report.Summary);
        Assert.DoesNotContain(rt.RunnerLogger.Events, e => e.Level >= LogLevel.Error);
        Assert.Equal(JobOutcome.Cancelled, (await rt.Store.GetHistoryAsync("changes", 1, default))[0].Outcome);
    }

    [Fact]
    public async Task JobOutlivesItsTimeout_RunIsCancelledSayingSo()
    {
        var job = TestJob.Changes();
        job.Block();
        var jobs = new JobsConfig { Changes = new ChangesJobConfig { Timeout = TimeSpan.FromMinutes(30) } };
        await using var rt = new RuntimeHarness(Now, () => jobs, job);

        var run = rt.Runner.RunAsync(job, JobTrigger.Schedule, false, default);
        await Eventually.TrueAsync(() => job.Runs.Count == 1, "run started");
        rt.Time.Advance(TimeSpan.FromMinutes(30));
        var report = await run;

        Assert.Equal(JobOutcome.Cancelled, report.Outcome);
        Assert.Equal("timed out after 30m", report.Summary);
    }

    [Fact]
    public async Task Notification_IsForwardedWithTheJobName_AndAFailingNotifierChangesNothing()
    {
        var job = TestJob.Changes();
        var notification = new Notification("changes", "3 new");
        job.Body = (_, _) => Task.FromResult(JobResult.Succeeded("3 new tags", notification));
        await using var rt = new RuntimeHarness(Now, () => new JobsConfig(), job);

        var report = await rt.Runner.RunAsync(job, JobTrigger.Manual, false, default);
        rt.Notifier.Throw = true;
        var second = await rt.Runner.RunAsync(job, JobTrigger.Manual, false, default);

        Assert.Equal(JobOutcome.Succeeded, report.Outcome);
        Assert.Equal(JobOutcome.Succeeded, second.Outcome);
        var sent = Assert.Single(rt.Notifier.Sent);
        Assert.Equal("changes", sent.Job);
        Assert.Equal("3 new", sent.Body);
    }

    [Fact]
    public async Task Run_PassesContextAndLogsInAScopeWithJobRunIdTrigger()
    {
        var job = TestJob.Changes();
        await using var rt = new RuntimeHarness(Now, () => new JobsConfig(), job);

        var report = await rt.Runner.RunAsync(job, JobTrigger.Once, dryRun: true, default);

        var context = Assert.Single(job.Runs);
        Assert.True(context.DryRun);
        Assert.Equal(JobTrigger.Once, context.Trigger);
        Assert.Same(rt.Config.Current, context.Config);
        Assert.Matches("^[0-9a-f]{12}$", report.RunId);
        Assert.Equal(report.RunId, context.RunId);
        Assert.StartsWith("69c7c2c0", report.RunId);
        var finished = Assert.Single(rt.RunnerLogger.Events, e => e.EventId == 1300);
        Assert.Equal(LogLevel.Information, finished.Level);
        Assert.Equal("changes succeeded in 0ms: done", finished.Message);
        Assert.Equal("changes", finished.Scope["Job"]);
        Assert.Equal(report.RunId, finished.Scope["RunId"]);
        Assert.Equal("once", finished.Scope["Trigger"]);
        Assert.Equal(JobOutcome.Succeeded, (await rt.Store.GetLastRunAsync("changes", null, default))?.Outcome);
    }
}
