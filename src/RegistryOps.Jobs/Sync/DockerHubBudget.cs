using RegistryOps.Core.Distribution;
namespace RegistryOps.Jobs.Sync;

/// <summary>
/// Reads Docker Hub's pull budget before a run with a manifest HEAD (which Hub does not count as a
/// pull) and decides against the thresholds <c>jobs.sync.hub_warn_below</c> and
/// <c>hub_abort_below</c>. Only runs that have an entry pulling from Hub ask.
/// </summary>
internal static class DockerHubBudget
{
    public static async Task<HubBudgetCheck> ProbeAsync(
        IReadOnlyList<SyncEntrySpec> entries,
        ISyncRegistryProvider registries,
        int warnBelow,
        int abortBelow,
        CancellationToken cancellationToken)
    {
        var hub = entries.FirstOrDefault(e => e.Source.IsDockerHub);
        if (hub is null)
        {
            return new HubBudgetCheck(HubBudgetLevel.NotUsed, null);
        }

        var registry = registries.Get(hub.Source.Registry);
        try
        {
            // The entry's own repository: its pull scope is one the credentials can get a token for.
            var repository = hub.Source.Repository.Length > 0 ? hub.Source.Repository : "library/alpine";
            await registry.HeadManifestAsync(repository, hub.Source.Tag ?? "latest", cancellationToken);
        }
        catch (RegistryException ex)
        {
            return new HubBudgetCheck(HubBudgetLevel.Unknown, registry.LastRateLimit, ex.Message);
        }

        return new HubBudgetCheck(Decide(registry.LastRateLimit, warnBelow, abortBelow), registry.LastRateLimit);
    }

    public static HubBudgetLevel Decide(RateLimitInfo? limit, int warnBelow, int abortBelow) =>
        limit?.Remaining switch
        {
            null => HubBudgetLevel.Unknown,
            var r when r < abortBelow => HubBudgetLevel.Exhausted,
            var r when r < warnBelow => HubBudgetLevel.Low,
            _ => HubBudgetLevel.Ok,
        };
}
