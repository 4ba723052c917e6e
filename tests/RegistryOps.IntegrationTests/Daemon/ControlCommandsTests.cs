namespace RegistryOps.IntegrationTests.Daemon;

/// <summary><c>registryops status | trigger | history</c> against a running daemon.</summary>
public sealed class ControlCommandsTests : DaemonTest
{
    [Fact]
    public async Task StatusTriggerHistory_AnswerFromTheRunningDaemon()
    {
        var testJobs = new Dictionary<string, string> { ["REGISTRYOPS_TEST_JOBS"] = "1" };
        var daemon = await Sandbox.StartReadyDaemonAsync(testJobs);
        await StateProbe.WaitForRunAsync(Sandbox.StateDirectory, "selftest-sleep", run => run.Outcome is null,
            () => daemon.Output);

        var (statusCode, status) = await RunAsync("status");
        Assert.True(statusCode == 0, status);
        Assert.Contains("running: selftest-sleep", status);
        Assert.Contains("changes", status);

        var (triggerCode, trigger) = await RunAsync("trigger", "selftest-sleep");
        Assert.Equal(4, triggerCode);
        Assert.Contains("refused", trigger);

        var (historyCode, history) = await RunAsync("history", "selftest-sleep");
        Assert.True(historyCode == 0, history);
        Assert.Contains("selftest-sleep", history);
    }

    [Fact]
    public async Task Status_NoDaemon_ExitsWith69()
    {
        var (code, output) = await RunAsync("status");

        Assert.True(code == 69, output);
    }

    private async Task<(int Code, string Output)> RunAsync(params string[] command)
    {
        await using var client = DaemonProcess.Start([.. command, "--config", Sandbox.ConfigPath],
            new Dictionary<string, string>());
        var code = await client.WaitForExitAsync(Patience);
        return (code ?? -1, client.Output);
    }
}
