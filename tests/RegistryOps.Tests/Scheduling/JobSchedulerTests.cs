using Cronos;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Jobs;

namespace RegistryOps.Tests.Scheduling;

public sealed class JobSchedulerTests
{
    // Saturday 2026-03-28 13:00 UTC = 14:00 in Berlin (CET).
    private static readonly DateTimeOffset Now = new(2026, 3, 28, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task DueOccurrence_StartsOneScheduledRunAndMovesToTheNextDay()
    {
        var job = TestJob.Changes();
        await using var rt = new RuntimeHarness(Now, () => Changes("15 14 * * *"), job);
        await rt.StartAsync();
        await Eventually.TrueAsync(() => rt.Scheduler.Status().Next.Count == 1, "schedule computed");
        Assert.Equal("idle; next: changes at 14:15", rt.Scheduler.Describe());

        rt.Time.Advance(TimeSpan.FromMinutes(15));

        await Eventually.TrueAsync(() => job.Runs.Count == 1 && rt.Scheduler.Status().Running.Count == 0, "run done");
        Assert.Equal(JobTrigger.Schedule, job.Runs.Single().Trigger);
        Assert.Equal("idle; next: changes at 2026-03-29 14:15", rt.Scheduler.Describe());
        Assert.Equal(JobOutcome.Succeeded, (await rt.Store.GetLastRunAsync("changes", null, default))?.Outcome);
    }

    [Fact]
    public async Task MinInterval_SkipsScheduledRunsUntilTheLastSuccessIsOldEnough()
    {
        var job = TestJob.Sync();
        var jobs = new JobsConfig
        {
            Sync = new SyncJobConfig { Schedule = CronExpression.Parse("0 * * * *"), MinInterval = TimeSpan.FromHours(6) },
        };
        await using var rt = new RuntimeHarness(Now, () => jobs, job);
        await rt.Store.BeginRunAsync("old", "sync", JobTrigger.Schedule, Now.AddHours(-1), default);
        await rt.Store.CompleteRunAsync("old", JobOutcome.Succeeded, "ok", Now.AddHours(-1), default);
        await rt.StartAsync();
        await Eventually.TrueAsync(() => rt.Scheduler.Status().Next.Count == 1, "schedule computed");

        rt.Time.Advance(TimeSpan.FromHours(1));
        await Eventually.TrueAsync(() => rt.Scheduler.Status().Next[0].At == Now.AddHours(2)
            && rt.Scheduler.Status().Running.Count == 0, "occurrence passed");
        Assert.Empty(job.Runs);

        rt.Time.Advance(TimeSpan.FromHours(4));
        await Eventually.TrueAsync(() => job.Runs.Count == 1, "run after six hours");
    }

    [Fact]
    public async Task RunOnStart_RunsRightAfterStart()
    {
        var job = TestJob.Sync();
        await using var rt = new RuntimeHarness(Now, () => new JobsConfig { Sync = new SyncJobConfig { RunOnStart = true } }, job);

        await rt.StartAsync();

        await Eventually.TrueAsync(() => job.Runs.Count == 1, "start-up run");
        Assert.Equal(JobTrigger.Startup, job.Runs.Single().Trigger);
    }

    [Theory]
    // The daily 03:00 run (02:00Z) of 2026-03-28 fell between the last run and now.
    [InlineData(MissedRunPolicy.RunOnce, "2026-03-27T02:00Z", true)]
    [InlineData(MissedRunPolicy.Skip, "2026-03-27T02:00Z", false)]
    // The last run started after today's occurrence: nothing missed.
    [InlineData(MissedRunPolicy.RunOnce, "2026-03-28T02:00:01Z", false)]
    public async Task MissedRun_AtStart_FollowsThePolicy(MissedRunPolicy policy, string lastStart, bool runs)
    {
        var job = TestJob.Changes();
        var jobs = new JobsConfig
        {
            Changes = new ChangesJobConfig { Schedule = CronExpression.Parse("0 3 * * *"), Missed = policy },
        };
        await using var rt = new RuntimeHarness(Now, () => jobs, job);
        var started = DateTimeOffset.Parse(lastStart);
        await rt.Store.BeginRunAsync("last", "changes", JobTrigger.Schedule, started, default);
        await rt.Store.CompleteRunAsync("last", JobOutcome.Succeeded, "ok", started.AddMinutes(1), default);

        await rt.StartAsync();
        await Eventually.TrueAsync(() => rt.Scheduler.Status().Next.Count == 1, "schedule computed");
        await Task.Delay(200);

        Assert.Equal(runs ? 1 : 0, job.Runs.Count);
        Assert.All(job.Runs, r => Assert.Equal(JobTrigger.MissedRun, r.Trigger));
    }

    [Fact]
    public async Task ConfigReload_ChangesTheScheduleAtOnce()
    {
        var job = TestJob.Changes();
        await using var rt = new RuntimeHarness(Now, () => Changes("0 3 * * *"), job);
        await rt.StartAsync();
        await Eventually.TrueAsync(() => rt.Scheduler.Status().Next.Count == 1, "schedule computed");
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), rt.Scheduler.Status().Next[0].At);

        rt.Config.Swap(rt.NewConfig(Changes("15 14 * * *")));

        await Eventually.TrueAsync(() => rt.Scheduler.Status().Next[0].At == Now.AddMinutes(15), "new schedule");
        rt.Time.Advance(TimeSpan.FromMinutes(15));
        await Eventually.TrueAsync(() => job.Runs.Count == 1, "run on the new schedule");
    }

    [Fact]
    public async Task ConfigReload_DisablingAJobDropsItsSchedule()
    {
        var job = TestJob.Changes();
        await using var rt = new RuntimeHarness(Now, () => Changes("15 14 * * *"), job);
        await rt.StartAsync();
        await Eventually.TrueAsync(() => rt.Scheduler.Status().Next.Count == 1, "schedule computed");

        rt.Config.Swap(rt.NewConfig(new JobsConfig { Changes = new ChangesJobConfig { Enabled = false } }));

        await Eventually.TrueAsync(() => rt.Scheduler.Status().Next.Count == 0, "schedule dropped");
        Assert.Equal("idle; nothing scheduled", rt.Scheduler.Describe());
    }

    [Fact]
    public async Task ManualTrigger_AcceptedOnceAndRefusedWhileRunning()
    {
        var job = TestJob.Changes();
        var gate = job.Block();
        await using var rt = new RuntimeHarness(Now, () => Changes("15 14 * * *"), job);
        var lines = new List<string>();
        rt.Scheduler.StatusChanged += line => { lock (lines) { lines.Add(line); } };
        await rt.StartAsync();

        var first = rt.Scheduler.Trigger("changes");
        await Eventually.TrueAsync(() => job.Runs.Count == 1, "manual run started");
        var second = rt.Scheduler.Trigger("changes");

        Assert.True(first.Accepted, first.Message);
        Assert.False(second.Accepted);
        Assert.StartsWith("job 'changes' is already running (run ", second.Message);
        Assert.Equal(JobTrigger.Manual, job.Runs.Single().Trigger);
        Assert.Equal("running: changes; next: changes at 14:15", rt.Scheduler.Describe());

        gate.SetResult(JobResult.Succeeded("ok"));
        await Eventually.TrueAsync(() => rt.Scheduler.Status().Running.Count == 0, "run finished");
        lock (lines)
        {
            Assert.Contains("running: changes; next: changes at 14:15", lines);
            Assert.Equal("idle; next: changes at 14:15", lines[^1]);
        }
    }

    [Fact]
    public async Task ManualTrigger_UnknownOrDisabledJob_IsRefusedWithTheReason()
    {
        await using var rt = new RuntimeHarness(Now,
            () => new JobsConfig { Sync = new SyncJobConfig { Enabled = false } }, TestJob.Changes(), TestJob.Sync());

        var unknown = rt.Scheduler.Trigger("gcc");
        var disabled = rt.Scheduler.Trigger("sync");

        Assert.Equal(new(false, "unknown job 'gcc' (known: changes, sync)"), unknown);
        Assert.Equal(new(false, "job 'sync' is disabled in the config"), disabled);
    }

    [Fact]
    public async Task TwoJobsDueTogether_RunAtTheSameTime()
    {
        var changes = TestJob.Changes();
        var sync = TestJob.Sync();
        var both = new TaskCompletionSource<JobResult>();
        changes.Body = sync.Body = (_, ct) => both.Task.WaitAsync(ct);
        var jobs = new JobsConfig
        {
            Changes = new ChangesJobConfig { Schedule = CronExpression.Parse("15 14 * * *") },
            Sync = new SyncJobConfig { Schedule = CronExpression.Parse("15 14 * * *") },
        };
        await using var rt = new RuntimeHarness(Now, () => jobs, changes, sync);
        await rt.StartAsync();
        await Eventually.TrueAsync(() => rt.Scheduler.Status().Next.Count == 2, "schedule computed");
        Assert.Equal("idle; next: changes, sync at 14:15", rt.Scheduler.Describe());

        rt.Time.Advance(TimeSpan.FromMinutes(15));

        await Eventually.TrueAsync(() => changes.Runs.Count == 1 && sync.Runs.Count == 1, "both running");
        Assert.Equal(["changes", "sync"], rt.Scheduler.Status().Running);
        both.SetResult(JobResult.Succeeded("ok"));
    }

    [Fact]
    public async Task Stop_CancelsRunningJobsAndWaitsForThemToRestore()
    {
        var job = TestJob.Changes();
        var restored = false;
        job.Body = async (_, ct) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
                return JobResult.Succeeded("never");
            }
            finally
            {
                await Task.Delay(100, CancellationToken.None);
                restored = true;
            }
        };
        await using var rt = new RuntimeHarness(Now, () => new JobsConfig(), job);
        await rt.StartAsync();
        Assert.True(rt.Scheduler.Trigger("changes").Accepted);
        await Eventually.TrueAsync(() => job.Runs.Count == 1, "run started");

        await rt.Scheduler.StopAsync(default);

        Assert.True(restored);
        Assert.Equal(JobOutcome.Cancelled, (await rt.Store.GetLastRunAsync("changes", null, default))?.Outcome);
        Assert.False(rt.Scheduler.Trigger("changes").Accepted);
    }

    private static JobsConfig Changes(string cron) =>
        new() { Changes = new ChangesJobConfig { Schedule = CronExpression.Parse(cron) } };
}
