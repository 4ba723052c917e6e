using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Docker.DotNet.Models;

namespace RegistryOps.IntegrationTests.Infrastructure;

/// <summary>
/// A real registry (2.8) in a container on a free loopback port, storage in a temp folder on this
/// machine (so tests can look at the files), delete enabled, optional Basic or token auth.
/// Disposing removes the container and the folder.
/// </summary>
public sealed class RegistryContainer : IAsyncDisposable
{
    private readonly DockerEngine _engine;
    private readonly string _containerId;

    private RegistryContainer(DockerEngine engine, string containerId, int port, string folder,
        RegistryOptions options, TokenServer? tokens)
    {
        _engine = engine;
        _containerId = containerId;
        Port = port;
        Folder = folder;
        Options = options;
        Tokens = tokens;
    }

    public int Port { get; }

    public Uri BaseUri => new($"{(Options.Tls ? "https" : "http")}://127.0.0.1:{Port}");

    /// <summary>PEM of the CA that signed the server certificate (with <see cref="RegistryOptions.Tls"/>).</summary>
    public string CaFile => Path.Combine(Folder, "ca.crt");

    /// <summary>The host folder holding config/ and storage/ (the registry root directory).</summary>
    public string Folder { get; }

    public string StorageDirectory => Path.Combine(Folder, "storage");

    public RegistryOptions Options { get; }

    public TokenServer? Tokens { get; }

    public static async Task<RegistryContainer> StartAsync(RegistryOptions? options = null)
    {
        options ??= new RegistryOptions();
        var engine = await DockerEngine.GetAsync();
        var image = await RegistryImage.EnsureAsync(engine);
        var port = FreePort.Next();
        var folder = Directory.CreateTempSubdirectory("registryops-registry-").FullName;
        var configFolder = Path.Combine(folder, "config");
        Directory.CreateDirectory(configFolder);
        Directory.CreateDirectory(Path.Combine(folder, "storage"));

        var tokens = options.TokenAuth
            ? TokenServer.Start(options.Username ?? "", options.Password ?? "")
            : null;
        if (tokens is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(configFolder, "token.crt"), tokens.CertificatePem);
        }
        else if (options.Username is not null)
        {
            await WriteHtpasswdAsync(configFolder, options.Username, options.Password ?? "");
        }

        if (options.Tls)
        {
            var certificates = TestCertificates.Create();
            await File.WriteAllTextAsync(Path.Combine(folder, "ca.crt"), certificates.CaPem);
            await File.WriteAllTextAsync(Path.Combine(configFolder, "server.crt"), certificates.ServerCertificatePem);
            await File.WriteAllTextAsync(Path.Combine(configFolder, "server.key"), certificates.ServerKeyPem);
        }

        await File.WriteAllTextAsync(Path.Combine(configFolder, "config.yml"),
            RegistryConfigFile.Render(options, port, tokens));

        var created = await engine.Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = image,
            Name = $"registryops-test-registry-{port}",
            HostConfig = new HostConfig
            {
                NetworkMode = "host",
                Binds =
                [
                    $"{configFolder}:/etc/docker/registry:ro",
                    $"{Path.Combine(folder, "storage")}:/var/lib/registry",
                ],
            },
        });
        var registry = new RegistryContainer(engine, created.ID, port, folder, options, tokens);
        try
        {
            await engine.Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
            await registry.WaitUntilAnsweringAsync();
            return registry;
        }
        catch
        {
            await registry.DisposeAsync();
            throw;
        }
    }

    /// <summary>A pusher with the credentials this registry needs.</summary>
    public TestImages Images() => new(BaseUri, AuthorizeAsync);

    /// <summary>The container's output (the access log when enabled).</summary>
    public async Task<string> GetLogsAsync()
    {
        var result = await ProcessRunner.RunAsync("docker", $"logs {_containerId}",
            new Dictionary<string, string> { ["DOCKER_HOST"] = _engine.Host });
        return result.StandardOutput + result.StandardError;
    }

    /// <summary>The Authorization header that lets the test set-up push to and delete from a
    /// repository (null when the registry is anonymous).</summary>
    public Task<AuthenticationHeaderValue?> AuthorizeAsync(string repository)
    {
        if (Tokens is not null)
        {
            var token = Tokens.Issue(Options.Username ?? "setup",
                [new TokenAccess("repository", repository, ["pull", "push", "delete"])]);
            return Task.FromResult<AuthenticationHeaderValue?>(new("Bearer", token));
        }

        if (Options.Username is not null)
        {
            var raw = Encoding.UTF8.GetBytes($"{Options.Username}:{Options.Password}");
            return Task.FromResult<AuthenticationHeaderValue?>(new("Basic", Convert.ToBase64String(raw)));
        }

        return Task.FromResult<AuthenticationHeaderValue?>(null);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _engine.Client.Containers.RemoveContainerAsync(_containerId,
                new ContainerRemoveParameters { Force = true });
        }
        catch (Docker.DotNet.DockerContainerNotFoundException)
        {
            // Already gone.
        }

        Tokens?.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere; the temp folder is cleaned by the OS eventually.
        }
    }

    private static async Task WriteHtpasswdAsync(string folder, string username, string password)
    {
        // -i reads the password from stdin so it never appears on a command line.
        var result = await ProcessRunner.RunAsync("htpasswd", $"-Bin {username}", standardInput: password);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"htpasswd failed ({result.StandardError}); install apache2-utils (tools/install-deps)");
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "htpasswd"), result.StandardOutput);
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient(TestImages.TrustingHandler()) { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(BaseUri, "/v2/"));
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(100);
        }

        var logs = await GetLogsAsync();
        throw new InvalidOperationException($"registry on {BaseUri} did not answer /v2/ within 30s: {logs}");
    }
}
