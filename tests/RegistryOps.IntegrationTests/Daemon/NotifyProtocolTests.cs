using RegistryOps.Hosting.Systemd;

namespace RegistryOps.IntegrationTests.Daemon;

/// <summary>The daemon's sd_notify conversation, seen from systemd's side of NOTIFY_SOCKET.</summary>
public sealed class NotifyProtocolTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = DaemonSandbox.Patience;

    private DaemonSandbox _sandbox = null!;

    public Task InitializeAsync()
    {
        _sandbox = new DaemonSandbox();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task Start_SendsReadyOnceServing()
    {
        await using var daemon = await _sandbox.StartReadyDaemonAsync();

        // READY=1 comes after every hosted service started, so the endpoints already answer.
        Assert.Equal("ok\n", await _sandbox.GetAsync("/healthz"));
        Assert.False(daemon.HasExited);
    }

    [Fact]
    public async Task Sighup_SendsReloadingWithMonotonicTimestampThenReady()
    {
        await using var daemon = await _sandbox.StartReadyDaemonAsync();
        var before = MonotonicClock.NowMicroseconds();

        daemon.Signal(Libc.SIGHUP);

        var reloading = await _sandbox.Notify.NextAsync("RELOADING=1", Patience);
        Assert.True(reloading is not null, $"no RELOADING=1; seen: {_sandbox.Notify.Seen}\n{daemon.Output}");
        var stamp = reloading.Split('\n')
            .Single(line => line.StartsWith("MONOTONIC_USEC=", StringComparison.Ordinal));
        var usec = long.Parse(stamp["MONOTONIC_USEC=".Length..]);
        Assert.InRange(usec, before, MonotonicClock.NowMicroseconds());

        Assert.NotNull(await _sandbox.Notify.NextAsync("READY=1", Patience));
        Assert.True(await daemon.WaitForOutputAsync("Configuration reloaded from", Patience), daemon.Output);
    }

    [Fact]
    public async Task Sigterm_SendsStoppingAndExitsCleanly()
    {
        await using var daemon = await _sandbox.StartReadyDaemonAsync();

        daemon.Signal(Libc.SIGTERM);

        Assert.NotNull(await _sandbox.Notify.NextAsync("STOPPING=1", Patience));
        Assert.Equal(0, await daemon.WaitForExitAsync(Patience));
    }

    [Fact]
    public async Task WatchdogUsecSet_PingsWatchdogRepeatedly()
    {
        var environment = new Dictionary<string, string> { ["WATCHDOG_USEC"] = "400000" };
        await using var daemon = await _sandbox.StartReadyDaemonAsync(environment);

        Assert.NotNull(await _sandbox.Notify.NextAsync("WATCHDOG=1", Patience));
        Assert.NotNull(await _sandbox.Notify.NextAsync("WATCHDOG=1", Patience));
    }

    [Fact]
    public async Task WatchdogPidOfAnotherProcess_SendsNoWatchdog()
    {
        var environment = new Dictionary<string, string>
        {
            ["WATCHDOG_USEC"] = "200000",
            ["WATCHDOG_PID"] = "1",
        };
        await using var daemon = await _sandbox.StartReadyDaemonAsync(environment);

        Assert.Null(await _sandbox.Notify.NextAsync("WATCHDOG=1", TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task BadConfigAtStart_PrintsEveryProblemAndExitsWithOne()
    {
        _sandbox.WriteConfig("jobs:\n  changes:\n    schedule: \"61 * * * *\"\n    bogus: 1\n");

        await using var daemon = _sandbox.StartDaemon();

        Assert.Equal(1, await daemon.WaitForExitAsync(Patience));
        Assert.Contains($"{_sandbox.ConfigPath}:", daemon.Output);
        Assert.Contains("jobs.changes.schedule", daemon.Output);
        Assert.Contains("jobs.changes.bogus", daemon.Output);
        Assert.Null(await _sandbox.Notify.NextAsync("READY=1", TimeSpan.FromMilliseconds(200)));
    }
}
