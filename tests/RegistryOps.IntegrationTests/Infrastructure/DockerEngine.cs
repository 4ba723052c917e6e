using System.Diagnostics;
using Docker.DotNet;

namespace RegistryOps.IntegrationTests.Infrastructure;

/// <summary>
/// The Docker engine the integration tests use: the one DOCKER_HOST names, else
/// /var/run/docker.sock, else one this test process starts itself (vfs storage, no iptables, no
/// bridge; containers use host networking) and stops by its PID when the process exits.
/// </summary>
public sealed class DockerEngine
{
    public const string OwnRoot = "/tmp/registryops-tests/docker";
    public const string OwnSocket = OwnRoot + "/docker.sock";
    public const string OwnPidFile = OwnRoot + "/dockerd.pid";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static DockerEngine? _instance;

    private DockerEngine(string host, DockerClient client)
    {
        Host = host;
        Client = client;
    }

    /// <summary>The engine address in DOCKER_HOST form, e.g. unix:///var/run/docker.sock.</summary>
    public string Host { get; }

    public DockerClient Client { get; }

    /// <summary>The engine for this test process, found or started on first use.</summary>
    public static async Task<DockerEngine> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            _instance ??= await FindOrStartAsync();
            return _instance;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Runs the docker CLI against this engine; throws with its stderr on failure.</summary>
    public async Task<string> RunCliAsync(string arguments, CancellationToken cancellationToken = default)
    {
        var environment = new Dictionary<string, string> { ["DOCKER_HOST"] = Host };
        var result = await ProcessRunner.RunAsync("docker", arguments, environment, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"docker {arguments} failed with exit code {result.ExitCode}: {result.StandardError}");
        }

        return result.StandardOutput;
    }

    private static async Task<DockerEngine> FindOrStartAsync()
    {
        var candidates = new List<string>();
        var fromEnvironment = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            candidates.Add(fromEnvironment);
        }

        candidates.Add("unix:///var/run/docker.sock");
        candidates.Add("unix://" + OwnSocket);

        foreach (var host in candidates)
        {
            var client = await TryConnectAsync(host);
            if (client is not null)
            {
                return new DockerEngine(host, client);
            }
        }

        return await StartOwnAsync();
    }

    private static async Task<DockerClient?> TryConnectAsync(string host)
    {
        if (host.StartsWith("unix://", StringComparison.Ordinal) && !File.Exists(host["unix://".Length..]))
        {
            return null;
        }

        var client = new DockerClientBuilder().WithEndpoint(new Uri(host)).Build();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.System.PingAsync(timeout.Token);
            return client;
        }
        catch (Exception)
        {
            client.Dispose();
            return null;
        }
    }

    private static async Task<DockerEngine> StartOwnAsync()
    {
        Directory.CreateDirectory(OwnRoot);
        var dockerd = ProcessRunner.FindExecutable("dockerd")
            ?? throw new InvalidOperationException(
                "no Docker engine answers (DOCKER_HOST, /var/run/docker.sock) and dockerd is not installed: "
                + "run tools/install-deps (Debian package docker.io)");

        File.Delete(OwnSocket);
        var log = Path.Combine(OwnRoot, "dockerd.log");
        var start = new ProcessStartInfo(dockerd)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--storage-driver", "vfs", "--iptables=false", "--bridge=none",
            "--data-root", OwnRoot + "/data", "--exec-root", OwnRoot + "/exec",
            "--pidfile", OwnRoot + "/dockerd.own.pid", "--host", "unix://" + OwnSocket,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)
            ?? throw new InvalidOperationException("dockerd did not start");
        var logWriter = new StreamWriter(log, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => WriteLine(logWriter, e.Data);
        process.ErrorDataReceived += (_, e) => WriteLine(logWriter, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await File.WriteAllTextAsync(OwnPidFile, process.Id.ToString());
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(process);

        var host = "unix://" + OwnSocket;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"dockerd exited with code {process.ExitCode} while starting; see {log}");
            }

            var client = await TryConnectAsync(host);
            if (client is not null)
            {
                return new DockerEngine(host, client);
            }

            await Task.Delay(250);
        }

        Stop(process);
        throw new InvalidOperationException($"dockerd did not answer on {host} within 60s; see {log}");
    }

    private static void WriteLine(StreamWriter writer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (writer)
        {
            writer.WriteLine(line);
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                // SIGTERM lets dockerd stop its containers and unmount; kill only if it hangs.
                ProcessRunner.SendTerm(process.Id);
                if (!process.WaitForExit(TimeSpan.FromSeconds(15)))
                {
                    process.Kill();
                }
            }

            File.Delete(OwnPidFile);
        }
        catch (Exception)
        {
            // Best effort at process exit; tools/stop-test-services is the fallback.
        }
    }
}
