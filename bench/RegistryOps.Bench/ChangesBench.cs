using System.Diagnostics;
using RegistryOps.Core.Distribution;
using RegistryOps.IntegrationTests.Infrastructure;
using RegistryOps.Jobs.ChangeDetection;

namespace RegistryOps.Bench;

/// <summary>
/// The changes snapshot of a real local registry (repositories × tags) against a process-per-tag
/// loop as the old check_changes.sh did it: one <c>skopeo list-tags</c> per repository and one
/// <c>skopeo inspect</c> per tag. The loop is timed on a sample of repositories and extrapolated
/// to the whole registry (it costs minutes otherwise); the report says so.
/// </summary>
internal static class ChangesBench
{
    private const int PushParallelism = 16;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var registry = await RegistryContainer.StartAsync();
        Console.WriteLine($"registry on {registry.BaseUri}; pushing {options.Repositories} repositories "
            + $"× {options.Tags} tags");
        var populate = Stopwatch.StartNew();
        await PopulateAsync(registry, options);
        Console.WriteLine($"pushed in {populate.Elapsed.TotalSeconds:0.0}s");

        var runs = new List<(TimeSpan Elapsed, RequestStats Stats, int Tags)>();
        for (var run = 0; run < 3; run++)
        {
            using var client = new RegistryClient(new RegistryEndpoint(registry.BaseUri));
            var result = await new SnapshotTaker(client, 8, TimeProvider.System).TakeAsync(CancellationToken.None);
            runs.Add((result.Elapsed, client.Stats, result.Snapshot.TagCount));
            Console.WriteLine($"registryops snapshot {run + 1}: {result.Elapsed.TotalSeconds:0.00}s, "
                + $"{client.Stats}");
        }

        var sampleRepositories = Math.Max(1, Math.Min(options.Repositories, options.SkopeoSample / options.Tags));
        var skopeo = await SkopeoLoopAsync(registry, sampleRepositories, options.Tags);
        var perRepository = skopeo.Elapsed / sampleRepositories;
        var extrapolated = perRepository * options.Repositories;
        Console.WriteLine($"skopeo loop: {sampleRepositories} repositories, {skopeo.Processes} processes in "
            + $"{skopeo.Elapsed.TotalSeconds:0.0}s; extrapolated to {options.Repositories}: "
            + $"{extrapolated.TotalSeconds:0}s");

        var report = Report(options, runs, sampleRepositories, skopeo, extrapolated);
        Console.WriteLine();
        Console.WriteLine(report);
        if (options.Markdown is not null)
        {
            await File.WriteAllTextAsync(options.Markdown, report);
        }

        var catalogPages = 1 + (options.Repositories - 1) / 100;
        var expected = catalogPages + options.Repositories + options.Repositories * options.Tags;
        return runs.All(r => r.Stats.Total == expected && r.Tags == options.Repositories * options.Tags) ? 0 : 1;
    }

    private static async Task PopulateAsync(RegistryContainer registry, BenchOptions options)
    {
        var images = registry.Images();
        var repositories = Enumerable.Range(1, options.Repositories).Select(i => $"bench/app{i:0000}");
        await Parallel.ForEachAsync(repositories, new ParallelOptions { MaxDegreeOfParallelism = PushParallelism },
            async (repository, token) =>
            {
                var image = await images.PushImageAsync(repository, "t1", [128], cancellationToken: token);
                for (var tag = 2; tag <= options.Tags; tag++)
                {
                    await images.TagAsync(image, $"t{tag}", token);
                }
            });
    }

    private static async Task<(TimeSpan Elapsed, int Processes)> SkopeoLoopAsync(RegistryContainer registry,
        int repositories, int tags)
    {
        var host = $"127.0.0.1:{registry.Port}";
        var processes = 0;
        var watch = Stopwatch.StartNew();
        for (var i = 1; i <= repositories; i++)
        {
            var repository = $"bench/app{i:0000}";
            await Skopeo($"list-tags --tls-verify=false docker://{host}/{repository}");
            processes++;
            for (var tag = 1; tag <= tags; tag++)
            {
                await Skopeo($"inspect --tls-verify=false --no-tags --format {{{{.Digest}}}} "
                    + $"docker://{host}/{repository}:t{tag}");
                processes++;
            }
        }

        return (watch.Elapsed, processes);
    }

    private static async Task Skopeo(string arguments)
    {
        var result = await ProcessRunner.RunAsync("skopeo", arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"skopeo {arguments}: {result.StandardError}");
        }
    }

    private static string Report(BenchOptions options, List<(TimeSpan Elapsed, RequestStats Stats, int Tags)> runs,
        int sampleRepositories, (TimeSpan Elapsed, int Processes) skopeo, TimeSpan extrapolated)
    {
        var best = runs.MinBy(r => r.Elapsed);
        var stats = best.Stats;
        var pages = 1 + (options.Repositories - 1) / 100;
        var ratio = extrapolated / best.Elapsed;
        return string.Join('\n',
            $"### changes: snapshot of {options.Repositories} repositories × {options.Tags} tags",
            "",
            "| | time | HTTP requests / processes |",
            "| --- | ---: | --- |",
            $"| registryops snapshot (best of {runs.Count}) | {best.Elapsed.TotalSeconds:0.00} s | "
                + $"{stats.Total} requests: GET {stats.Count(HttpMethod.Get)} ({pages} catalog pages + "
                + $"{options.Repositories} tag lists), HEAD {stats.Count(HttpMethod.Head)} (one per tag) |",
            $"| process-per-tag loop, skopeo (sampled {sampleRepositories} repositories, "
                + $"extrapolated) | {extrapolated.TotalSeconds:0} s | "
                + $"{options.Repositories * (options.Tags + 1)} processes "
                + $"(measured {skopeo.Processes} in {skopeo.Elapsed.TotalSeconds:0.0} s) |",
            "",
            $"Ratio: the snapshot is **{ratio:0}×** faster. Requests = catalog pages + "
                + "tag-list pages + one HEAD per tag, no manifest GET. The skopeo loop runs "
                + "`skopeo list-tags` per repository and `skopeo inspect --no-tags` per tag, as the old "
                + "script ran a process per tag; it was timed on a sample and scaled linearly.",
            "");
    }
}
