using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Distribution;
using RegistryOps.IntegrationTests.Infrastructure;
using RegistryOps.Jobs.Sync;
using RegistryOps.Jobs.Sync.Config;

namespace RegistryOps.Bench;

/// <summary>
/// Sync benchmark: N images (multi-layer, groups sharing base layers) in a source registry, copied
/// to an empty target by RegistryOps and, into another empty target, by one
/// <c>skopeo sync --all --src yaml --dest docker</c> run over the same image list; then both again
/// with nothing to do. Same machine, same run, real registries on loopback.
/// </summary>
internal static class SyncBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var images = Option(args, "--images", 20);
        var megabytes = Option(args, "--megabytes", 200);
        var markdown = args.SkipWhile(a => a != "--markdown").Skip(1).FirstOrDefault();
        var folder = Directory.CreateTempSubdirectory("registryops-sync-bench-").FullName;

        await using var source = await RegistryContainer.StartAsync();
        await using var ours = await RegistryContainer.StartAsync();
        await using var theirs = await RegistryContainer.StartAsync();
        try
        {
            var (repositories, bytes) = await PushAsync(source, images, megabytes);
            Console.WriteLine($"pushed {images} images, {bytes / 1048576.0:0} MiB of blobs");

            var regsync = WriteRegsync(folder, source, ours, repositories);
            var skopeoYaml = WriteSkopeoYaml(folder, source, repositories);

            var ourFirst = await TimeOursAsync(regsync);
            var skopeoFirst = await TimeSkopeoAsync(skopeoYaml, theirs);
            var ourAgain = await TimeOursAsync(regsync);
            var skopeoAgain = await TimeSkopeoAsync(skopeoYaml, theirs);

            var report = Report(images, bytes, ourFirst, skopeoFirst, ourAgain, skopeoAgain);
            Console.WriteLine(report);
            if (markdown is not null)
            {
                await File.WriteAllTextAsync(markdown, report);
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(IReadOnlyList<string> Repositories, long Bytes)> PushAsync(
        RegistryContainer registry, int count, int megabytes)
    {
        // Four base groups of 3 shared layers, and 2 own layers per image; sizes fill the total.
        var pusher = registry.Images();
        var baseLayerSize = megabytes * 1048576L / 20 / 3;
        var ownLayerSize = (megabytes * 1048576L - 4 * 3 * baseLayerSize) / count / 2;
        var bases = Enumerable.Range(0, 4)
            .Select(_ => Enumerable.Range(0, 3).Select(_ => TestImages.RandomBytes((int)baseLayerSize)).ToList())
            .ToList();
        var repositories = new List<string>();
        var pushes = Enumerable.Range(0, count).Select(async i =>
        {
            var repository = $"bench/app{i:00}";
            await pusher.PushImageAsync(repository, "1", [(int)ownLayerSize, (int)ownLayerSize], bases[i % 4]);
            lock (repositories)
            {
                repositories.Add(repository);
            }
        });
        await Task.WhenAll(pushes);
        return (repositories.Order().ToList(), 4 * 3 * baseLayerSize + count * 2 * ownLayerSize);
    }

    private static string WriteRegsync(string folder, RegistryContainer source, RegistryContainer target,
        IReadOnlyList<string> repositories)
    {
        var src = $"127.0.0.1:{source.Port}";
        var dst = $"127.0.0.1:{target.Port}";
        var text = new StringBuilder($"version: 1\ncreds:\n");
        foreach (var host in new[] { src, dst })
        {
            text.Append($"  - registry: {host}\n    tls: disabled\n    reqConcurrent: 8\n");
        }

        text.Append("defaults:\n  parallel: 4\nsync:\n");
        foreach (var repository in repositories)
        {
            text.Append($"  - source: {src}/{repository}\n    target: {dst}/{repository}\n    type: repository\n");
        }

        var path = Path.Combine(folder, "regsync.yml");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string WriteSkopeoYaml(string folder, RegistryContainer source, IReadOnlyList<string> repositories)
    {
        var text = new StringBuilder($"127.0.0.1:{source.Port}:\n  tls-verify: false\n  images:\n");
        foreach (var repository in repositories)
        {
            text.Append($"    {repository}: []\n");
        }

        var path = Path.Combine(folder, "skopeo.yml");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static async Task<Timing> TimeOursAsync(string regsync)
    {
        var clock = Stopwatch.StartNew();
        var plan = new RegsyncPlanSource(new RegsyncConfigReader()).Load(regsync);
        var clients = new RegistryClientFactory(NullLoggerFactory.Instance, TimeProvider.System);
        using var session = (ClientSyncRegistrySession)new ClientSyncRegistryFactory(clients)
            .Open(plan.Registries, new SyncJobConfig());
        var engine = new SyncEngine(session, NullLogger.Instance);
        var reports = await engine.RunAsync(plan.Entries, dryRun: false, default);
        clock.Stop();

        if (reports.Any(r => r.Failed))
        {
            var failures = reports.Where(r => r.Failed).Select(r => r.Describe());
            throw new InvalidOperationException(string.Join("; ", failures));
        }

        var requests = string.Join("; ", plan.Registries.Select(r => $"{r.Host}: {session.ClientFor(r.Host).Stats}"));
        return new Timing(clock.Elapsed, engine.BytesCopied, requests);
    }

    private static async Task<Timing> TimeSkopeoAsync(string yaml, RegistryContainer target)
    {
        var clock = Stopwatch.StartNew();
        var result = await ProcessRunner.RunAsync("skopeo",
            $"sync --all --src yaml --dest docker --dest-tls-verify=false {yaml} 127.0.0.1:{target.Port}");
        clock.Stop();
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"skopeo sync failed: {result.StandardError}");
        }

        return new Timing(clock.Elapsed, 0, "");
    }

    private static string Report(int images, long bytes, Timing ourFirst, Timing skopeoFirst, Timing ourAgain,
        Timing skopeoAgain)
    {
        static string S(TimeSpan t) => $"{t.TotalSeconds:0.00} s";
        static string Ratio(Timing skopeo, Timing ours) => $"{skopeo.Elapsed / ours.Elapsed:0.0}×";
        return $"""
            ## sync

            {images} images ({bytes / 1048576.0:0} MiB of blobs; 4 groups share 3 base layers, 2 own layers each)
            from one local registry (2.8, loopback, plain HTTP) to an empty one. RegistryOps runs in-process
            (the engine the `sync` job uses, one repository entry per image, `parallel: 4`, `reqConcurrent: 8`);
            skopeo is one `skopeo sync --all --src yaml --dest docker` process over the same list (its start
            included), into its own empty registry; the four runs go one after the other in one benchmark run.

            | run | RegistryOps | skopeo sync | skopeo / RegistryOps |
            | --- | ---: | ---: | ---: |
            | first sync | {S(ourFirst.Elapsed)} | {S(skopeoFirst.Elapsed)} | {Ratio(skopeoFirst, ourFirst)} |
            | no-change sync | {S(ourAgain.Elapsed)} | {S(skopeoAgain.Elapsed)} | {Ratio(skopeoAgain, ourAgain)} |

            Requests of the RegistryOps no-change run (per registry; the source GETs are the tag-list pages, one per
            repository entry, and no manifest or blob is fetched): {ourAgain.Requests}.
            Bytes uploaded by RegistryOps on the first run: {ourFirst.Bytes / 1048576.0:0} MiB (shared base layers
            are uploaded once and mounted into the other repositories).

            """;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1]) : fallback;
    }

    private sealed record Timing(TimeSpan Elapsed, long Bytes, string Requests);
}
