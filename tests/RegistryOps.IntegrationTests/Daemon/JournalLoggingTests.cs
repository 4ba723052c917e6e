using RegistryOps.Tests.Logging;

namespace RegistryOps.IntegrationTests.Daemon;

/// <summary>The daemon's log as journald would receive it, read from a stand-in socket.</summary>
public sealed class JournalLoggingTests : DaemonTest
{
    private readonly JournalDatagramReceiver _journal = new();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _journal.Dispose();
    }

    [Fact]
    public async Task JobRun_ReachesJournalWithMessagePriorityAndJobFields()
    {
        var environment = new Dictionary<string, string>
        {
            ["REGISTRYOPS_JOURNAL_SOCKET"] = _journal.SocketPath,
            ["REGISTRYOPS_TEST_JOBS"] = "1",
            ["REGISTRYOPS_TEST_SLEEP_SECONDS"] = "0",
        };
        await using var daemon = await Sandbox.StartReadyDaemonAsync(environment, "--log-target", "journald");

        var finished = await _journal.WaitForAsync(
            entry => entry.GetValueOrDefault("JOB") == "selftest-sleep" && entry.ContainsKey("OUTCOME"),
            Patience);

        Assert.True(finished is not null, $"no entry with JOB=selftest-sleep; daemon output:\n{daemon.Output}");
        Assert.Equal("selftest-sleep succeeded in 0s: slept 0s", Normalise(finished["MESSAGE"]));
        Assert.Equal("6", finished["PRIORITY"]);
        Assert.Equal("registryops", finished["SYSLOG_IDENTIFIER"]);
        Assert.Equal("succeeded", finished["OUTCOME"].ToLowerInvariant());
        Assert.False(string.IsNullOrEmpty(finished["RUN_ID"]));
        Assert.Equal("startup", finished["TRIGGER"].ToLowerInvariant());

        // Under the journald target nothing is written to the console.
        Assert.DoesNotContain("selftest-sleep succeeded", daemon.Output);
    }

    [Fact]
    public async Task RejectedReload_IsLoggedAtErrorPriorityWithTheLocation()
    {
        var environment = new Dictionary<string, string>
        {
            ["REGISTRYOPS_JOURNAL_SOCKET"] = _journal.SocketPath,
        };
        await using var daemon = await Sandbox.StartReadyDaemonAsync(environment, "--log-target", "journald");
        File.AppendAllText(Sandbox.ConfigPath, "unknown_key: 1\n");

        daemon.Signal(Libc.SIGHUP);

        var problem = await _journal.WaitForAsync(
            entry => entry["MESSAGE"].StartsWith("Reload rejected:", StringComparison.Ordinal), Patience);
        Assert.True(problem is not null, daemon.Output);
        Assert.Equal("3", problem["PRIORITY"]);
        Assert.Contains($"{Sandbox.ConfigPath}:", problem["PROBLEM"]);
        Assert.Contains("unknown_key", problem["PROBLEM"]);
    }

    // The run takes a few milliseconds: "0.0s" or "0s" depending on the duration format.
    private static string Normalise(string message) =>
        System.Text.RegularExpressions.Regex.Replace(message, @"in [0-9.]+m?s:", "in 0s:");
}
