using System.Diagnostics;
using System.Text.Json;

namespace RegistryOps.IntegrationTests.Daemon;

/// <summary>
/// The journald sink against systemd's own journald and journalctl, not a stand-in parser. Needs
/// root (for a private mount namespace), unshare (util-linux) and systemd-journald (systemd).
/// </summary>
public sealed class RealJournaldTests : DaemonTest
{
    private const string Journald = "/lib/systemd/systemd-journald";

    [Fact]
    public async Task JournalctlSelectsTheRunOfOneJobByItsJobField()
    {
        Assert.True(File.Exists(Journald), $"{Journald} missing: install Debian's systemd");
        var output = Path.Combine(Sandbox.Root, "journal.json");
        var script = Path.Combine(AppContext.BaseDirectory, "Daemon", "real-journald.sh");

        var (exitCode, log) = await RunAsync("unshare",
            ["-m", "--propagation", "private", "bash", script,
             DaemonBinary.DotnetHost, DaemonBinary.Path, Sandbox.ConfigPath, output]);
        Assert.True(exitCode == 0, $"script exit {exitCode}:\n{log}");

        var entries = File.ReadAllLines(output).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var run = entries.SingleOrDefault(e => Field(e, "JOB") == "selftest-sleep");
        Assert.True(run.ValueKind == JsonValueKind.Object, $"no JOB=selftest-sleep entry:\n{log}");

        Assert.StartsWith("selftest-sleep succeeded in ", Field(run, "MESSAGE"));
        Assert.Equal("6", Field(run, "PRIORITY"));
        Assert.Equal("registryops", Field(run, "SYSLOG_IDENTIFIER"));
        Assert.Equal("succeeded", Field(run, "OUTCOME"));
        Assert.Equal("startup", Field(run, "TRIGGER"));
        Assert.False(string.IsNullOrEmpty(Field(run, "RUN_ID")));

        // journald's own trusted field: the entry came over the native socket from the daemon.
        Assert.Contains($"daemon pid {Field(run, "_PID")}", log);
        Assert.Contains(entries, e => Field(e, "MESSAGE")?.StartsWith("RegistryOps stopping") == true);
    }

    private static string? Field(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout + await stderr);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
