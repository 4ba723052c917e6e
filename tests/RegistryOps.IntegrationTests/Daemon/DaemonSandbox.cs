using RegistryOps.IntegrationTests.Infrastructure;

namespace RegistryOps.IntegrationTests.Daemon;

/// <summary>
/// A private world for one daemon test: a temp directory with the config, state and runtime
/// directories, a free loopback port for metrics, a NOTIFY_SOCKET, and every daemon started
/// from it, each stopped by PID on dispose.
/// </summary>
internal sealed class DaemonSandbox : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("ro-daemon-");
    private readonly List<DaemonProcess> _processes = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public DaemonSandbox()
    {
        MetricsPort = FreePort.Next();
        Notify = new NotifySocket(Path.Combine(_directory.FullName, "notify"));
        WriteConfig();
    }

    public string Root => _directory.FullName;

    public string ConfigPath => Path.Combine(Root, "registryops.yml");

    public string StateDirectory => Path.Combine(Root, "state");

    public string RuntimeDirectory => Path.Combine(Root, "run");

    public int MetricsPort { get; }

    public NotifySocket Notify { get; }

    /// <summary>A valid config pointing every path into the sandbox, plus <paramref name="extra"/>.</summary>
    public string BaseConfig => $"""
        timezone: UTC
        paths:
          state: {StateDirectory}
          runtime: {RuntimeDirectory}
        metrics:
          listen: 127.0.0.1:{MetricsPort}

        """;

    public void WriteConfig(string extra = "") => File.WriteAllText(ConfigPath, BaseConfig + extra);

    /// <summary>Starts <c>registryops run</c> on the sandbox config with NOTIFY_SOCKET set.</summary>
    public DaemonProcess StartDaemon(IReadOnlyDictionary<string, string>? environment = null,
        params string[] extraArguments)
    {
        var variables = new Dictionary<string, string> { ["NOTIFY_SOCKET"] = Notify.Path };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }

        string[] arguments = ["run", "--config", ConfigPath, .. extraArguments];
        var daemon = DaemonProcess.Start(arguments, variables);
        _processes.Add(daemon);
        return daemon;
    }

    /// <summary>Starts the daemon and waits for READY=1.</summary>
    public async Task<DaemonProcess> StartReadyDaemonAsync(IReadOnlyDictionary<string, string>? environment = null,
        params string[] extraArguments)
    {
        var daemon = StartDaemon(environment, extraArguments);
        var ready = await Notify.NextAsync("READY=1", Patience);
        Assert.True(ready is not null, $"no READY=1; notifications: {Notify.Seen}; output:\n{daemon.Output}");
        return daemon;
    }

    public Task<string> GetAsync(string path) =>
        _http.GetStringAsync(new Uri($"http://127.0.0.1:{MetricsPort}{path}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        Notify.Dispose();
        _http.Dispose();
        _directory.Delete(recursive: true);
    }
}
