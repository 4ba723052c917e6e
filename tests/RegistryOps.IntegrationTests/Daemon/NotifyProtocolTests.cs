using RegistryOps.Hosting.Systemd;

namespace RegistryOps.IntegrationTests.Daemon;

/// <summary>The daemon's sd_notify conversation, seen from systemd's side of NOTIFY_SOCKET.</summary>
public sealed class NotifyProtocolTests : DaemonTest
{
    [Fact]
    public async Task Start_SendsReadyOnceServing()
    {
        await using var daemon = await Sandbox.StartReadyDaemonAsync();

        // READY=1 comes after every hosted service started, so the endpoints already answer.
        Assert.Equal("ok\n", await Sandbox.GetAsync("/healthz"));
        Assert.False(daemon.HasExited);
    }

    [Fact]
    public async Task Sighup_SendsReloadingWithMonotonicTimestampThenReady()
    {
        await using var daemon = await Sandbox.StartReadyDaemonAsync();
        var before = MonotonicClock.NowMicroseconds();

        daemon.Signal(Libc.SIGHUP);

        var reloading = await Sandbox.Notify.NextAsync("RELOADING=1", Patience);
        Assert.True(reloading is not null, $"no RELOADING=1; seen: {Sandbox.Notify.Seen}\n{daemon.Output}");
        var stamp = reloading.Split('\n')
            .Single(line => line.StartsWith("MONOTONIC_USEC=", StringComparison.Ordinal));
        var usec = long.Parse(stamp["MONOTONIC_USEC=".Length..]);
        Assert.InRange(usec, before, MonotonicClock.NowMicroseconds());

        Assert.NotNull(await Sandbox.Notify.NextAsync("READY=1", Patience));
        Assert.True(await daemon.WaitForOutputAsync("Configuration reloaded from", Patience), daemon.Output);
    }

    [Fact]
    public async Task Sigterm_SendsStoppingAndExitsCleanly()
    {
        await using var daemon = await Sandbox.StartReadyDaemonAsync();

        daemon.Signal(Libc.SIGTERM);

        Assert.NotNull(await Sandbox.Notify.NextAsync("STOPPING=1", Patience));
        Assert.Equal(0, await daemon.WaitForExitAsync(Patience));
    }

    [Fact]
    public async Task WatchdogUsecSet_PingsWatchdogRepeatedly()
    {
        var environment = new Dictionary<string, string> { ["WATCHDOG_USEC"] = "400000" };
        await using var daemon = await Sandbox.StartReadyDaemonAsync(environment);

        Assert.NotNull(await Sandbox.Notify.NextAsync("WATCHDOG=1", Patience));
        Assert.NotNull(await Sandbox.Notify.NextAsync("WATCHDOG=1", Patience));
    }

    [Fact]
    public async Task WatchdogPidOfAnotherProcess_SendsNoWatchdog()
    {
        var environment = new Dictionary<string, string>
        {
            ["WATCHDOG_USEC"] = "200000",
            ["WATCHDOG_PID"] = "1",
        };
        await using var daemon = await Sandbox.StartReadyDaemonAsync(environment);

        Assert.Null(await Sandbox.Notify.NextAsync("WATCHDOG=1", TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task BadConfigAtStart_PrintsEveryProblemAndExitsWithOne()
    {
        Sandbox.WriteConfig("jobs:\n  changes:\n    schedule: \"61 * * * *\"\n    bogus: 1\n");

        await using var daemon = Sandbox.StartDaemon();

        Assert.Equal(1, await daemon.WaitForExitAsync(Patience));
        Assert.Contains($"{Sandbox.ConfigPath}:", daemon.Output);
        Assert.Contains("jobs.changes.schedule", daemon.Output);
        Assert.Contains("jobs.changes.bogus", daemon.Output);
        Assert.Null(await Sandbox.Notify.NextAsync("READY=1", TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task MetricsPortTaken_StopsWithTheInternalErrorCodeAndNoReady()
    {
        using var squatter = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, Sandbox.MetricsPort);
        squatter.Start();

        await using var daemon = Sandbox.StartDaemon();

        Assert.Equal(70, await daemon.WaitForExitAsync(Patience));
        Assert.Contains("address already in use", daemon.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Null(await Sandbox.Notify.NextAsync("READY=1", TimeSpan.FromMilliseconds(200)));
    }
}
