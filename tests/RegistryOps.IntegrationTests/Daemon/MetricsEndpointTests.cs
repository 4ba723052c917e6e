using System.Diagnostics;

namespace RegistryOps.IntegrationTests.Daemon;

/// <summary>GET /metrics of the real daemon, judged by Prometheus' own linter.</summary>
public sealed class MetricsEndpointTests : DaemonTest
{
    private const string Promtool = "/usr/bin/promtool";

    [Fact]
    public async Task Metrics_PassPromtoolCheckMetricsWithoutAWord()
    {
        Assert.True(File.Exists(Promtool), $"{Promtool} missing: install Debian's prometheus (make deps)");
        await using var daemon = await Sandbox.StartReadyDaemonAsync();

        // A reload and a rejected reload, so that the counters have series to show.
        daemon.Signal(Libc.SIGHUP);
        Assert.NotNull(await Sandbox.Notify.NextAsync("READY=1", Patience));
        var metrics = await Sandbox.GetAsync("/metrics");
        Assert.Contains("registryops_config_reloads_total", metrics);

        var (exitCode, output) = await RunPromtoolAsync(metrics);

        Assert.True(exitCode == 0 && output.Length == 0,
            $"promtool exit {exitCode}:\n{output}\n---\n{metrics}");
    }

    [Fact]
    public async Task MetricsDisabled_OpensNoPort()
    {
        Sandbox.WriteConfig();
        File.WriteAllText(Sandbox.ConfigPath,
            File.ReadAllText(Sandbox.ConfigPath).Replace("metrics:\n", "metrics:\n  enabled: false\n"));
        await using var daemon = await Sandbox.StartReadyDaemonAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => Sandbox.GetAsync("/healthz"));
    }

    private static async Task<(int ExitCode, string Output)> RunPromtoolAsync(string metrics)
    {
        var start = new ProcessStartInfo(Promtool, ["check", "metrics"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(metrics);
        process.StandardInput.Close();

        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (output + error).Trim());
    }
}
