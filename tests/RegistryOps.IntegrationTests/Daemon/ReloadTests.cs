using System.Globalization;

namespace RegistryOps.IntegrationTests.Daemon;

/// <summary>SIGHUP with a good and with a broken file, on the real daemon.</summary>
public sealed class ReloadTests : IAsyncLifetime
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
    public async Task BrokenFileOnReload_IsRejectedWithLocationsAndTheDaemonKeepsServing()
    {
        await using var daemon = await _sandbox.StartReadyDaemonAsync();
        _sandbox.WriteConfig("jobs:\n  changes:\n    schedule: \"99 * * * *\"\n    parallelism: many\n");

        await ReloadAsync(daemon);

        // Lines of the appended part, counted after the sandbox's own lines.
        var first = _sandbox.BaseConfig.Count(c => c == '\n') + 1;
        Assert.True(await daemon.WaitForOutputAsync("the previous configuration stays live", Patience),
            daemon.Output);
        Assert.Contains($"Reload rejected: {_sandbox.ConfigPath}:{first + 2}:15: error: jobs.changes.schedule",
            daemon.Output);
        Assert.Contains(
            $"Reload rejected: {_sandbox.ConfigPath}:{first + 3}:18: error: jobs.changes.parallelism",
            daemon.Output);
        Assert.False(daemon.HasExited);
        Assert.Equal("ok\n", await _sandbox.GetAsync("/healthz"));
        Assert.Contains(ReloadsTotal("error") + " 1", await _sandbox.GetAsync("/metrics"));
    }

    [Fact]
    public async Task GoodFileAfterABrokenOne_IsAccepted()
    {
        await using var daemon = await _sandbox.StartReadyDaemonAsync();
        _sandbox.WriteConfig("bogus_key: 1\n");
        await ReloadAsync(daemon);
        Assert.True(await daemon.WaitForOutputAsync("Reload rejected", Patience), daemon.Output);

        _sandbox.WriteConfig("jobs:\n  changes:\n    schedule: \"15 14 * * *\"\n");
        await ReloadAsync(daemon);

        Assert.True(await daemon.WaitForOutputAsync("Configuration reloaded from", Patience), daemon.Output);
        var metrics = await _sandbox.GetAsync("/metrics");
        Assert.Contains(ReloadsTotal("error") + " 1", metrics);
        Assert.Contains(ReloadsTotal("ok") + " 1", metrics);
    }

    [Fact]
    public async Task BrokenFileOnReload_LeavesTheOldScheduleRunning()
    {
        // A job on a yearly cron; the zone the config names decides the instant it runs at.
        var environment = new Dictionary<string, string>
        {
            ["REGISTRYOPS_TEST_JOBS"] = "1",
            ["REGISTRYOPS_TEST_RUN_ON_START"] = "0",
            ["REGISTRYOPS_TEST_SCHEDULE"] = "0 12 29 2 *",
        };
        await using var daemon = await _sandbox.StartReadyDaemonAsync(environment);
        var inUtc = NextFebruary29AtNoon(TimeZoneInfo.Utc);
        Assert.Equal(inUtc, await WaitForNextRunAsync(inUtc));
        var status = await WaitForStatusAsync("next: selftest-sleep at ");

        var tokyo = _sandbox.BaseConfig.Replace("timezone: UTC", "timezone: Asia/Tokyo");
        File.WriteAllText(_sandbox.ConfigPath, tokyo + "jobs:\n  changes:\n    schedule: \"not cron\"\n");
        await ReloadAsync(daemon);

        Assert.True(await daemon.WaitForOutputAsync("Reload rejected", Patience), daemon.Output);
        Assert.Equal(inUtc, await NextRunAsync());
        Assert.Equal(status, _sandbox.Notify.LastStatus);
        Assert.False(daemon.HasExited);

        // The same zone change in a valid file moves the schedule: the old one was live till now.
        File.WriteAllText(_sandbox.ConfigPath, tokyo);
        await ReloadAsync(daemon);

        var inTokyo = NextFebruary29AtNoon(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        Assert.Equal(inTokyo, await WaitForNextRunAsync(inTokyo));
        Assert.Equal(inUtc - TimeSpan.FromHours(9), inTokyo);
    }

    private static string ReloadsTotal(string result) =>
        $"registryops_config_reloads_total{{otel_scope_name=\"RegistryOps\",result=\"{result}\"}}";

    private static DateTimeOffset NextFebruary29AtNoon(TimeZoneInfo zone)
    {
        var now = TimeZoneInfo.ConvertTime(DateTime.UtcNow, zone);
        var year = now.Year;
        while (!DateTime.IsLeapYear(year) || new DateTime(year, 2, 29, 12, 0, 0) <= now)
        {
            year++;
        }

        var local = new DateTime(year, 2, 29, 12, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private async Task<DateTimeOffset?> NextRunAsync()
    {
        var metrics = await _sandbox.GetAsync("/metrics");
        var line = metrics.Split('\n').FirstOrDefault(l =>
            l.StartsWith("registryops_job_next_run_seconds{", StringComparison.Ordinal)
            && l.Contains("job=\"selftest-sleep\"", StringComparison.Ordinal));
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
            if (_sandbox.Notify.LastStatus is { } status && status.Contains(part, StringComparison.Ordinal))
            {
                return status;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"no STATUS with '{part}'; last: {_sandbox.Notify.LastStatus}");
    }

    private async Task ReloadAsync(DaemonProcess daemon)
    {
        daemon.Signal(Libc.SIGHUP);
        Assert.NotNull(await _sandbox.Notify.NextAsync("RELOADING=1", Patience));
        Assert.NotNull(await _sandbox.Notify.NextAsync("READY=1", Patience));
    }
}
