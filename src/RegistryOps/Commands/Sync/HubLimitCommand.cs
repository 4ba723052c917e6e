using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using RegistryOps.Core.Distribution;
using RegistryOps.Jobs.Sync;

namespace RegistryOps.Commands.Sync;

/// <summary>
/// <c>registryops hub-limit</c>: Docker Hub's pull budget for this machine's address, read from a
/// manifest HEAD (which Hub does not count as a pull): limit, remaining, used %, window.
/// Anonymous: the budget that matters for sync sources without Hub credentials.
/// </summary>
public static class HubLimitCommand
{
    /// <summary>The repository Docker documents for reading the rate limit.</summary>
    public const string ProbeRepository = "ratelimitpreview/test";

    public static Command Create()
    {
        var command = new Command("hub-limit", "Show Docker Hub's pull limit, remaining pulls and window");
        command.SetAction(async (result, cancellationToken) =>
        {
            var clients = new RegistryClientFactory(NullLoggerFactory.Instance, TimeProvider.System);
            using var client = clients.Create(new RegistryEndpoint(new Uri("https://registry-1.docker.io/"),
                MaxConcurrency: 1, RateLimitBudget: TimeSpan.Zero));
            return await RunAsync(new ClientSyncRegistry("docker.io", client),
                result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    internal static async Task<int> RunAsync(ISyncRegistry hub, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        try
        {
            await hub.HeadManifestAsync(ProbeRepository, "latest", cancellationToken);
        }
        catch (RegistryException ex)
        {
            await error.WriteLineAsync($"Docker Hub probe failed: {ex.Message}");
            return 2;
        }

        var limit = hub.LastRateLimit;
        if (limit is null)
        {
            await output.WriteLineAsync("Docker Hub sent no rate-limit headers (unlimited or unknown)");
            return 0;
        }

        await output.WriteLineAsync(Format(limit));
        return 0;
    }

    internal static string Format(RateLimitInfo limit)
    {
        var culture = CultureInfo.InvariantCulture;
        var used = limit.Limit is > 0 && limit.Remaining is { } r
            ? (100.0 * (limit.Limit.Value - r) / limit.Limit.Value).ToString("0.0", culture) + "%"
            : "unknown";
        var window = limit.Window is { } w
            ? w.TotalHours >= 1 ? $"{w.TotalHours.ToString("0.#", culture)}h" : $"{w.TotalSeconds:0}s"
            : "unknown";
        return $"limit:     {limit.Limit?.ToString(culture) ?? "unknown"}\n"
            + $"remaining: {limit.Remaining?.ToString(culture) ?? "unknown"}\n"
            + $"used:      {used}\n"
            + $"window:    {window}";
    }
}
