using System.Globalization;

namespace RegistryOps.IntegrationTests.Daemon;

/// <summary>SIGHUP with a good and with a broken file, on the real daemon.</summary>
public sealed class ReloadTests : DaemonTest
{
    [Fact]
    public async Task BrokenFileOnReload_IsRejectedWithLocationsAndTheDaemonKeepsServing()
    {
        await using var daemon = await Sandbox.StartReadyDaemonAsync();
        Sandbox.WriteConfig("jobs:\n  changes:\n    schedule: \"99 * * * *\"\n    parallelism: many\n");

        await ReloadAsync(daemon);

        // Lines of the appended part, counted after the sandbox's own lines.
        var first = Sandbox.BaseConfig.Count(c => c == '\n') + 1;
        Assert.True(await daemon.WaitForOutputAsync("the previous configuration stays live", Patience),
            daemon.Output);
        Assert.Contains($"Reload rejected: {Sandbox.ConfigPath}:{first + 2}:15: error: jobs.changes.schedule",
            daemon.Output);
        Assert.Contains(
            $"Reload rejected: {Sandbox.ConfigPath}:{first + 3}:18: error: jobs.changes.parallelism",
            daemon.Output);
        Assert.False(daemon.HasExited);
        Assert.Equal("ok\n", await Sandbox.GetAsync("/healthz"));
        Assert.Contains(ReloadsTotal("error") + " 1", await Sandbox.GetAsync("/metrics"));
    }

    [Fact]
    public async Task GoodFileAfterABrokenOne_IsAccepted()
    {
        await using var daemon = await Sandbox.StartReadyDaemonAsync();
        Sandbox.WriteConfig("bogus_key: 1\n");
        await ReloadAsync(daemon);
        Assert.True(await daemon.WaitForOutputAsync("Reload rejected", Patience), daemon.Output);

        Sandbox.WriteConfig("jobs:\n  changes:\n    schedule: \"15 14 * * *\"\n");
        await ReloadAsync(daemon);

        Assert.True(await daemon.WaitForOutputAsync("Configuration reloaded from", Patience), daemon.Output);
        var metrics = await Sandbox.GetAsync("/metrics");
        Assert.Contains(ReloadsTotal("error") + " 1", metrics);
        Assert.Contains(ReloadsTotal("ok") + " 1", metrics);
    }

    [Fact]
    public async Task BrokenFileOnReload_LeavesTheOldScheduleRunning()
    {
        // The changes job on a yearly cron, so that it never runs during the test.
        Sandbox.WriteConfig("jobs:\n  changes:\n    schedule: \"0 12 29 2 *\"\n");
        await using var daemon = await Sandbox.StartReadyDaemonAsync();
        var noon = NextFebruary29AtNoon();
        Assert.Equal(noon, await WaitForNextRunAsync(noon));
        var status = await WaitForStatusAsync($"next: changes at {noon:yyyy-MM-dd} 12:00");

        Sandbox.WriteConfig("jobs:\n  changes:\n    schedule: \"0 13 29 2 *\"\n    parallelism: many\n");
        await ReloadAsync(daemon);

        Assert.True(await daemon.WaitForOutputAsync("Reload rejected", Patience), daemon.Output);
        Assert.Equal(noon, await NextRunAsync());
        Assert.Equal(status, Sandbox.Notify.LastStatus);
        Assert.False(daemon.HasExited);

        // The same schedule in a valid file moves the run: the old one was live until now.
        Sandbox.WriteConfig("jobs:\n  changes:\n    schedule: \"0 13 29 2 *\"\n");
        await ReloadAsync(daemon);

        Assert.Equal(noon.AddHours(1), await WaitForNextRunAsync(noon.AddHours(1)));
        await WaitForStatusAsync($"next: changes at {noon:yyyy-MM-dd} 13:00");
    }

    private static string ReloadsTotal(string result) =>
        $"registryops_config_reloads_total{{otel_scope_name=\"RegistryOps\",result=\"{result}\"}}";

    private static DateTimeOffset NextFebruary29AtNoon()
    {
        var now = DateTimeOffset.UtcNow;
        var year = now.Year;
        while (!DateTime.IsLeapYear(year) || new DateTimeOffset(year, 2, 29, 12, 0, 0, TimeSpan.Zero) <= now)
        {
            year++;
        }

        return new DateTimeOffset(year, 2, 29, 12, 0, 0, TimeSpan.Zero);
    }

    private async Task<DateTimeOffset?> NextRunAsync()
    {
        var metrics = await Sandbox.GetAsync("/metrics");
        var line = metrics.Split('\n').FirstOrDefault(l =>
            l.StartsWith("registryops_job_next_run_seconds{", StringComparison.Ordinal)
            && l.Contains("job=\"changes\"", StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        var seconds = double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
        return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
    }

    private async Task<DateTimeOffset?> WaitForNextRunAsync(DateTimeOffset expected)
    {
        var deadline = DateTime.UtcNow + Patience;
        DateTimeOffset? seen;
        while ((seen = await NextRunAsync()) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return seen;
    }

    private async Task<string> WaitForStatusAsync(string part)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (Sandbox.Notify.LastStatus is { } status && status.Contains(part, StringComparison.Ordinal))
            {
                return status;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"no STATUS with '{part}'; last: {Sandbox.Notify.LastStatus}");
    }

    private async Task ReloadAsync(DaemonProcess daemon)
    {
        daemon.Signal(Libc.SIGHUP);
        Assert.NotNull(await Sandbox.Notify.NextAsync("RELOADING=1", Patience));
        Assert.NotNull(await Sandbox.Notify.NextAsync("READY=1", Patience));
    }
}
