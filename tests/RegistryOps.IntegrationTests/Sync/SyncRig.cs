using Microsoft.Extensions.Logging.Abstractions;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Distribution;
using RegistryOps.IntegrationTests.Infrastructure;
using RegistryOps.Jobs.Sync;
using RegistryOps.Jobs.Sync.Config;

namespace RegistryOps.IntegrationTests.Sync;

/// <summary>Writes a regsync file for the test registries and runs the real engine over it,
/// keeping the run's clients so requests can be counted per host.</summary>
internal sealed class SyncRig : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("registryops-sync-").FullName;

    public static string Host(RegistryContainer registry) => $"127.0.0.1:{registry.Port}";

    /// <summary>A regsync file with plain-http creds for every host given and the entries' YAML.</summary>
    public string WriteFile(IEnumerable<string> hosts, string syncYaml, string name = "regsync.yml")
    {
        var creds = string.Concat(hosts.Select(h => $"  - registry: {h}\n    tls: disabled\n    reqConcurrent: 4\n"));
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, $"version: 1\ncreds:\n{creds}defaults:\n  parallel: 3\nsync:\n{syncYaml}");
        return path;
    }

    public static SyncPlan Plan(string path) => new RegsyncPlanSource(new RegsyncConfigReader()).Load(path);

    /// <summary>Runs every entry of the file once; the session stays open for counting.</summary>
    public static async Task<(IReadOnlyList<EntryReport> Reports, ClientSyncRegistrySession Session)> RunAsync(
        string path,
        bool dryRun = false,
        TimeSpan? retryBudget = null)
    {
        var plan = Plan(path);
        Assert.Empty(plan.Errors);
        var clients = new RegistryClientFactory(NullLoggerFactory.Instance, TimeProvider.System);
        var config = new SyncJobConfig { RetryBudget = retryBudget ?? TimeSpan.FromSeconds(30) };
        var session = (ClientSyncRegistrySession)new ClientSyncRegistryFactory(clients).Open(plan.Registries, config);
        var reports = await new SyncEngine(session, NullLogger.Instance).RunAsync(plan.Entries, dryRun, default);
        return (reports, session);
    }

    /// <summary>Digest of a tag as the registry reports it, read with plain HTTP; null when absent.</summary>
    public static async Task<string?> DigestAsync(RegistryContainer registry, string repository, string tag)
    {
        using var client = new RegistryClient(new RegistryEndpoint(registry.BaseUri));
        return (await client.HeadManifestAsync(repository, tag, default))?.Digest;
    }

    public static async Task<IReadOnlyList<string>> TagsAsync(RegistryContainer registry, string repository)
    {
        using var client = new RegistryClient(new RegistryEndpoint(registry.BaseUri));
        return [.. (await client.ListTagsAsync(repository, default)).Order(StringComparer.Ordinal)];
    }

    /// <summary>The Digest skopeo reports for a tag (an independent client).</summary>
    public static async Task<string> SkopeoDigestAsync(RegistryContainer registry, string repository, string tag)
    {
        var result = await ProcessRunner.RunAsync("skopeo",
            $"inspect --tls-verify=false docker://{Host(registry)}/{repository}:{tag}");
        Assert.True(result.ExitCode == 0, result.StandardError);
        using var json = System.Text.Json.JsonDocument.Parse(result.StandardOutput);
        return json.RootElement.GetProperty("Digest").GetString()!;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
