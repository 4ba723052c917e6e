using System.Collections.Concurrent;
using RegistryOps.Core.Distribution;

namespace RegistryOps.Jobs.ChangeDetection;

/// <summary>
/// Lists the registry into a snapshot: one catalog walk, the tag pages of every repository, one
/// HEAD per tag, never a GET of a manifest (unless a registry omits Docker-Content-Digest).
/// Repositories and then tags are worked on with bounded parallelism. Any failure throws
/// <see cref="SnapshotFailedException"/>: a partial listing is never returned.
/// </summary>
public sealed class SnapshotTaker(RegistryClient client, int parallelism, TimeProvider time)
{
    public async Task<SnapshotResult> TakeAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var requestsBefore = client.Stats.Total;

        var repositories = await Step($"catalog of {client.Endpoint.Authority}",
            () => client.ListRepositoriesAsync(cancellationToken).ToListAsync(cancellationToken).AsTask(),
            cancellationToken);

        var tags = new ConcurrentDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(repositories.Distinct(StringComparer.Ordinal), Options(cancellationToken),
            async (repository, token) =>
            {
                tags[repository] = await Step($"tag list of {repository}",
                    () => client.ListTagsAsync(repository, token), token);
            });

        var digests = new ConcurrentDictionary<(string Repository, string Tag), string>();
        var pairs = tags.SelectMany(r => r.Value.Distinct(StringComparer.Ordinal).Select(t => (r.Key, t)));
        await Parallel.ForEachAsync(pairs, Options(cancellationToken), async (pair, token) =>
        {
            var head = await Step($"manifest {pair.Key}:{pair.t}",
                () => client.HeadManifestAsync(pair.Key, pair.t, token), token);

            // Gone between the tag list and the HEAD: it was deleted meanwhile, so it is not there.
            if (head is not null)
            {
                digests[(pair.Key, pair.t)] = head.Digest;
            }
        });

        var byRepository = digests
            .GroupBy(d => d.Key.Repository, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<string, string>)g.ToDictionary(d => d.Key.Tag, d => d.Value),
                StringComparer.Ordinal);
        var empty = tags.Keys.Where(r => !byRepository.ContainsKey(r)).ToHashSet(StringComparer.Ordinal);
        var snapshot = new RegistrySnapshot(time.GetUtcNow(), byRepository);
        var requests = client.Stats.Total - requestsBefore;
        return new SnapshotResult(snapshot, empty, requests, time.GetElapsedTime(started));
    }

    private ParallelOptions Options(CancellationToken cancellationToken) => new()
    {
        MaxDegreeOfParallelism = Math.Max(1, parallelism),
        CancellationToken = cancellationToken,
    };

    private static async Task<T> Step<T>(
        string step,
        Func<Task<T>> action,
        CancellationToken cancellationToken)
    {
        try
        {
            return await action();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not SnapshotFailedException)
        {
            throw new SnapshotFailedException(step, e);
        }
    }
}
