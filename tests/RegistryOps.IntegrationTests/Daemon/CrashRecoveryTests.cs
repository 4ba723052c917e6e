using RegistryOps.Core.Jobs;
using RegistryOps.Core.State;

namespace RegistryOps.IntegrationTests.Daemon;

/// <summary>Stopping in the middle of a run, gracefully and not, on the real daemon and state.db.</summary>
public sealed class CrashRecoveryTests : DaemonTest
{
    private const string SelfTestJob = "selftest-sleep";

    // The hidden self-test job starts at start-up and sleeps for ten minutes.
    private static readonly Dictionary<string, string> TestJobs = new() { ["REGISTRYOPS_TEST_JOBS"] = "1" };

    [Fact]
    public async Task KillDuringARun_RestartShowsTheRunAsAbandoned()
    {
        var first = await Sandbox.StartReadyDaemonAsync(TestJobs);
        var running = await WaitForRunAsync(run => run.Outcome is null, first);

        first.Signal(Libc.SIGKILL);
        Assert.NotNull(await first.WaitForExitAsync(Patience));

        var second = await Sandbox.StartReadyDaemonAsync();
        var abandoned = await WaitForRunAsync(
            run => run.RunId == running.RunId && run.Outcome is not null, second);

        Assert.Equal(JobOutcome.Abandoned, abandoned.Outcome);
        Assert.NotNull(abandoned.EndedAt);
        Assert.False(second.HasExited);
    }

    [Fact]
    public async Task SigtermDuringARun_CancelsTheRunRecordsItAndExitsCleanly()
    {
        var daemon = await Sandbox.StartReadyDaemonAsync(TestJobs);
        var running = await WaitForRunAsync(run => run.Outcome is null, daemon);

        daemon.Signal(Libc.SIGTERM);

        Assert.NotNull(await Sandbox.Notify.NextAsync("STOPPING=1", Patience));
        Assert.Equal(0, await daemon.WaitForExitAsync(Patience));
        var stopped = await WaitForRunAsync(run => run.RunId == running.RunId, daemon);
        Assert.Equal(JobOutcome.Cancelled, stopped.Outcome);
    }

    private Task<RunRecord> WaitForRunAsync(Func<RunRecord, bool> match, DaemonProcess daemon) =>
        StateProbe.WaitForRunAsync(Sandbox.StateDirectory, SelfTestJob, match, () => daemon.Output);
}
