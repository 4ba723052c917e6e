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
        Assert.True(await daemon.WaitForOutputAsync("the previous configuration stays live", Patience), daemon.Output);
        Assert.Contains($"Reload rejected: {_sandbox.ConfigPath}:{first + 2}:15: error: jobs.changes.schedule",
            daemon.Output);
        Assert.Contains($"Reload rejected: {_sandbox.ConfigPath}:{first + 3}:18: error: jobs.changes.parallelism",
            daemon.Output);
        Assert.False(daemon.HasExited);
        Assert.Equal("ok\n", await _sandbox.GetAsync("/healthz"));
        Assert.Contains("registryops_config_reloads_total{otel_scope_name=\"RegistryOps\",result=\"error\"} 1",
            await _sandbox.GetAsync("/metrics"));
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
        Assert.Contains("registryops_config_reloads_total{otel_scope_name=\"RegistryOps\",result=\"error\"} 1", metrics);
        Assert.Contains("registryops_config_reloads_total{otel_scope_name=\"RegistryOps\",result=\"ok\"} 1", metrics);
    }

    private async Task ReloadAsync(DaemonProcess daemon)
    {
        daemon.Signal(Libc.SIGHUP);
        Assert.NotNull(await _sandbox.Notify.NextAsync("RELOADING=1", Patience));
        Assert.NotNull(await _sandbox.Notify.NextAsync("READY=1", Patience));
    }
}
