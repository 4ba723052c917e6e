using System.Globalization;
using RegistryOps.Core.Jobs;
using RegistryOps.Core.State;

namespace RegistryOps.IntegrationTests.Daemon;

/// <summary><c>registryops once</c> as an operator or a systemd timer runs it.</summary>
public sealed class OnceCommandTests : DaemonTest
{
    [Fact]
    public async Task Once_SucceedingJob_PrintsTheSummaryRecordsTheRunAndExitsZero()
    {
        await using var once = StartOnce("selftest-sleep", sleepSeconds: 0);

        Assert.Equal(0, await once.WaitForExitAsync(Patience));
        Assert.Contains("selftest-sleep succeeded in", once.Output);
        Assert.Contains(": slept 0s", once.Output);
        var run = await WaitForRunAsync(_ => true, once);
        Assert.Equal(JobOutcome.Succeeded, run.Outcome);
        Assert.Equal(JobTrigger.Once, run.Trigger);
    }

    [Fact]
    public async Task Once_Sigterm_CancelsTheRunAndExitsWith130()
    {
        await using var once = StartOnce("selftest-sleep", sleepSeconds: 600);
        await WaitForRunAsync(run => run.Outcome is null, once);

        once.Signal(Libc.SIGTERM);

        Assert.Equal(130, await once.WaitForExitAsync(Patience));
        Assert.Contains("selftest-sleep cancelled", once.Output);
    }

    [Fact]
    public async Task Once_UnknownJob_NamesTheKnownJobsAndExitsWithOne()
    {
        await using var once = StartOnce("no-such-job", sleepSeconds: 0);

        Assert.Equal(1, await once.WaitForExitAsync(Patience));
        Assert.Contains("unknown job 'no-such-job'", once.Output);
        Assert.Contains("selftest-sleep", once.Output);
    }

    [Fact]
    public async Task Once_DisabledJob_IsRefusedWithTheKeyAndExitsWithFour()
    {
        Sandbox.WriteConfig("jobs:\n  changes:\n    enabled: false\n");
        await using var once = DaemonProcess.Start(
            ["once", "changes", "--config", Sandbox.ConfigPath], new Dictionary<string, string>());

        Assert.Equal(4, await once.WaitForExitAsync(Patience));
        Assert.Contains("job 'changes' is disabled", once.Output);
        Assert.Contains("jobs.changes.enabled: false", once.Output);
    }

    private DaemonProcess StartOnce(string job, int sleepSeconds) => DaemonProcess.Start(
        ["once", job, "--config", Sandbox.ConfigPath],
        new Dictionary<string, string>
        {
            ["REGISTRYOPS_TEST_JOBS"] = "1",
            ["REGISTRYOPS_TEST_SLEEP_SECONDS"] = sleepSeconds.ToString(CultureInfo.InvariantCulture),
        });

    private Task<RunRecord> WaitForRunAsync(Func<RunRecord, bool> match, DaemonProcess once) =>
        StateProbe.WaitForRunAsync(Sandbox.StateDirectory, "selftest-sleep", match, () => once.Output);
}
