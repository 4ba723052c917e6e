using RegistryOps.Core.Distribution;
namespace RegistryOps.Jobs.Sync;

/// <summary>
/// Resolves each entry's tags and compares source and target by manifest HEAD only: a check that
/// finds nothing to do costs the tag-list pages and one HEAD per tag per side, and no GET. The one
/// exception is an entry with <c>platform</c> whose source tag is an index: the index is read to
/// find that platform's digest, which is what the target holds.
/// </summary>
internal sealed class SyncChecker(ISyncRegistryProvider registries)
{
    public async Task<EntryCheck> CheckAsync(SyncEntrySpec entry, CancellationToken cancellationToken)
    {
        IReadOnlyList<(ImageReference Source, ImageReference Target)> pairs;
        try
        {
            pairs = await ResolveAsync(entry, cancellationToken);
        }
        catch (RegistryException ex)
        {
            return new EntryCheck(entry, [], $"listing {entry.Source} failed: {ex.Message}");
        }

        var results = new ImageCheck[pairs.Count];
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, entry.Parallel) * 2,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, pairs.Count), options, async (i, ct) =>
            results[i] = await CheckImageAsync(entry, pairs[i].Source, pairs[i].Target, ct));

        return new EntryCheck(entry, results);
    }

    private async Task<IReadOnlyList<(ImageReference, ImageReference)>> ResolveAsync(
        SyncEntrySpec entry,
        CancellationToken cancellationToken)
    {
        var source = registries.Get(entry.Source.Registry);
        switch (entry.Kind)
        {
            case SyncKind.Image:
                var tag = entry.Source.Tag ?? "latest";
                return [(entry.Source.WithTag(tag), entry.Target.WithTag(entry.Target.Tag ?? tag))];

            case SyncKind.Repository:
                return await ResolveRepositoryAsync(entry, source, entry.Source, entry.Target,
                    cancellationToken);

            default:
                var pairs = new List<(ImageReference, ImageReference)>();
                var repositories = await source.ListRepositoriesAsync(cancellationToken);
                foreach (var repository in repositories.Where(r => entry.RepositoryFilter?.Invoke(r) ?? true))
                {
                    var targetRepository = entry.Target.Repository.Length == 0
                        ? repository
                        : $"{entry.Target.Repository}/{repository}";
                    pairs.AddRange(await ResolveRepositoryAsync(
                        entry,
                        source,
                        entry.Source.WithRepository(repository),
                        entry.Target.WithRepository(targetRepository),
                        cancellationToken));
                }

                return pairs;
        }
    }

    private static async Task<IReadOnlyList<(ImageReference, ImageReference)>> ResolveRepositoryAsync(
        SyncEntrySpec entry,
        ISyncRegistry source,
        ImageReference sourceRepository,
        ImageReference targetRepository,
        CancellationToken cancellationToken)
    {
        var tags = await source.ListTagsAsync(sourceRepository.Repository, cancellationToken);
        var chosen = entry.TagFilter is null ? tags : entry.TagFilter(tags);
        return chosen
            .Order(StringComparer.Ordinal)
            .Select(t => (sourceRepository.WithTag(t), targetRepository.WithTag(t)))
            .ToList();
    }

    private async Task<ImageCheck> CheckImageAsync(
        SyncEntrySpec entry,
        ImageReference source,
        ImageReference target,
        CancellationToken cancellationToken)
    {
        ManifestHead? sourceHead;
        try
        {
            sourceHead = await registries.Get(source.Registry)
                .HeadManifestAsync(source.Repository, source.Tag!, cancellationToken);
            if (sourceHead is null)
            {
                return new ImageCheck(source, target, ImageState.SourceMissing, null, null);
            }

            if (entry.Platform is not null && MediaTypes.IsIndex(sourceHead.MediaType))
            {
                sourceHead = await PlatformManifestAsync(source, sourceHead, entry.Platform, cancellationToken);
            }
        }
        catch (RegistryException ex)
        {
            return new ImageCheck(source, target, ImageState.Error, null, null, $"source: {ex.Message}");
        }

        try
        {
            // A target 404 is "missing"; 401, 403 and 5xx throw and are errors, never "missing".
            var targetHead = await registries.Get(target.Registry)
                .HeadManifestAsync(target.Repository, target.Tag!, cancellationToken);
            var state = targetHead is null ? ImageState.TargetMissing
                : targetHead.Digest == sourceHead.Digest ? ImageState.UpToDate
                : ImageState.NeedsSync;
            return new ImageCheck(source, target, state, sourceHead, targetHead);
        }
        catch (RegistryException ex)
        {
            return new ImageCheck(source, target, ImageState.Error, sourceHead, null, $"target: {ex.Message}");
        }
    }

    private async Task<ManifestHead> PlatformManifestAsync(
        ImageReference source,
        ManifestHead index,
        string platform,
        CancellationToken cancellationToken)
    {
        var content = await registries.Get(source.Registry)
            .GetManifestAsync(source.Repository, index.Digest, cancellationToken);
        var child = ManifestDocument.Parse(content.Content).FindPlatform(platform)
            ?? throw new RegistryException($"{source} has no manifest for platform {platform}");
        return new ManifestHead(child.Digest, child.MediaType, child.Size);
    }
}
