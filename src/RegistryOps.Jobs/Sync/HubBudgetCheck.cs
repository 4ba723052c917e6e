using RegistryOps.Core.Distribution;
namespace RegistryOps.Jobs.Sync;

/// <summary>The pull budget read before a run, and what it decided.</summary>
internal sealed record HubBudgetCheck(HubBudgetLevel Level, RateLimitInfo? Limit, string? Error = null)
{
    public string Describe() => Limit switch
    {
        null => Error is null ? "Docker Hub sent no rate-limit headers" : $"Docker Hub probe failed: {Error}",
        { Remaining: { } remaining, Limit: { } limit } =>
            $"Docker Hub pulls remaining {remaining} of {limit}{WindowText(Limit.Window)}",
        _ => "Docker Hub rate limit unknown",
    };

    private static string WindowText(TimeSpan? window) =>
        window is { } w ? $" per {(w.TotalHours >= 1 ? $"{w.TotalHours:0.#}h" : $"{w.TotalSeconds:0}s")}" : "";
}
