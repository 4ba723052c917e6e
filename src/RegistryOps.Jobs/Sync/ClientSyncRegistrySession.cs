using System.Collections.Concurrent;
using RegistryOps.Core.Distribution;
using RegistryOps.Jobs.Sync.Config;

namespace RegistryOps.Jobs.Sync;

/// <summary>
/// The clients of one run, made on first use of each host. A host without <c>creds</c> is reached
/// anonymously over https with regsync's default of 3 requests at once. The 429 wait budget
/// (<c>jobs.sync.retry_budget</c>) belongs to each registry's client for the whole run: once a
/// registry has used it up, its remaining requests fail fast, and only the entries that touch it.
/// </summary>
internal sealed class ClientSyncRegistrySession(
    RegistryClientFactory clients,
    IReadOnlyList<SyncRegistrySettings> registries,
    TimeSpan retryBudget) : ISyncRegistrySession
{
    private readonly ConcurrentDictionary<string, Lazy<ClientSyncRegistry>> _open = new();
    private readonly ConcurrentBag<string> _caFiles = [];

    public ISyncRegistry Get(string host) => _open.GetOrAdd(host, h => new(() => Create(h))).Value;

    /// <summary>The client behind a host (request counts, rate limit), for tests and commands.</summary>
    public RegistryClient ClientFor(string host) => ((ClientSyncRegistry)Get(host)).Client;

    public void Dispose()
    {
        foreach (var registry in _open.Values.Where(l => l.IsValueCreated))
        {
            registry.Value.Client.Dispose();
        }

        foreach (var file in _caFiles)
        {
            File.Delete(file);
        }
    }

    private ClientSyncRegistry Create(string host)
    {
        var settings = registries.FirstOrDefault(r => r.Host == host
                || RegistryNames.IsDockerHub(r.Host) && RegistryNames.IsDockerHub(host))
            ?? new SyncRegistrySettings(host);
        var apiHost = settings.Endpoint ?? RegistryNames.ApiHost(host);
        var scheme = settings.PlainHttp ? "http" : "https";

        string? caFile = null;
        if (settings.CaPem is not null)
        {
            // The client trusts a CA from a file; regcert holds the PEM text itself.
            caFile = Path.Combine(Path.GetTempPath(), $"registryops-ca-{Guid.NewGuid():N}.pem");
            File.WriteAllText(caFile, settings.CaPem);
            _caFiles.Add(caFile);
        }

        var endpoint = new RegistryEndpoint(
            new Uri($"{scheme}://{apiHost}/"),
            settings.Username,
            settings.Password,
            caFile,
            settings.SkipTlsVerify,
            settings.MaxConcurrency,
            settings.RequestsPerSecond,
            RateLimitBudget: retryBudget);
        return new ClientSyncRegistry(host, clients.Create(endpoint));
    }
}
