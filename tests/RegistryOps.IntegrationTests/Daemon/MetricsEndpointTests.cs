using System.Diagnostics;
using RegistryOps.IntegrationTests.Infrastructure;

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
    public async Task RegistryUp_FollowsWhetherTheRegistryAnswers()
    {
        // A stand-in that answers /v2/ as a registry does; its port closed, the registry is down.
        var answering = new LoopbackListener(context =>
        {
            context.Response.StatusCode = 200;
            context.Response.Close();
            return Task.CompletedTask;
        });
        var closedPort = FreePort.Next();
        Sandbox.WriteConfig($"registry:\n  url: http://127.0.0.1:{closedPort}\n");
        await using var daemon = await Sandbox.StartReadyDaemonAsync();

        Assert.Matches(@"registryops_registry_up\{[^}]*\} 0", await WaitForMetricAsync("registryops_registry_up"));
        Assert.Contains($"Registry http://127.0.0.1:{closedPort} does not answer", daemon.Output);

        // Moving the registry by reload: the probe follows at its next tick (within 30 s).
        using (answering)
        {
            Sandbox.WriteConfig($"registry:\n  url: {answering.BaseUri.AbsoluteUri.TrimEnd('/')}\n");
            daemon.Signal(Libc.SIGHUP);
            var deadline = DateTime.UtcNow.AddSeconds(45);
            while (!System.Text.RegularExpressions.Regex.IsMatch(
                await Sandbox.GetAsync("/metrics"), @"registryops_registry_up\{[^}]*\} 1"))
            {
                Assert.True(DateTime.UtcNow < deadline, "registry_up never became 1");
                await Task.Delay(500);
            }
        }
    }

    private async Task<string> WaitForMetricAsync(string name)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var metrics = await Sandbox.GetAsync("/metrics");
            if (metrics.Contains(name + "{", StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                return metrics;
            }

            await Task.Delay(200);
        }
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
