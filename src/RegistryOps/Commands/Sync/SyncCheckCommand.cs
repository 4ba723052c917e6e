using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Distribution;
using RegistryOps.Jobs.Sync;
using RegistryOps.Jobs.Sync.Config;

namespace RegistryOps.Commands.Sync;

/// <summary>
/// <c>registryops sync check [--json] [--config PATH] [--files GLOB]</c>: what a sync would change,
/// per image, by HEAD requests only. Exit 0 when everything is up to date, 5 when something is
/// stale, 2 when an entry or image failed (or a source tag is missing), 1 when the files are unusable.
/// </summary>
public static class SyncCheckCommand
{
    public const int ExitUpToDate = ExitCodes.Ok;
    public const int ExitUnusable = ExitCodes.InvalidConfigOrUsage;
    public const int ExitErrors = ExitCodes.JobFailed;
    public const int ExitStale = ExitCodes.Stale;

    /// <summary>The command as mounted under <c>registryops sync</c>: the daemon config is read
    /// from --config, $REGISTRYOPS_CONFIG or the default path.</summary>
    public static Command Create() => Create(LoadConfig);

    /// <param name="loadConfig">Loads the daemon config from the --config value (null: the
    /// default path); used for <c>jobs.sync.files</c> and <c>retry_budget</c>.</param>
    public static Command Create(Func<string?, RegistryOpsConfig> loadConfig)
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per image, as an array" };
        var config = CommonOptions.Config();
        var files = new Option<string?>("--files")
        {
            Description = "Regsync file or glob to check instead of jobs.sync.files",
            HelpName = "GLOB",
        };

        var command = new Command("check", "Show what a sync would change, per image (HEAD requests only)");
        command.Options.Add(json);
        command.Options.Add(config);
        command.Options.Add(files);
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            SyncJobConfig jobConfig;
            try
            {
                var loaded = result.GetValue(files) is null ? loadConfig(result.GetValue(config)).Jobs.Sync : null;
                jobConfig = new SyncJobConfig
                {
                    Files = result.GetValue(files) ?? loaded!.Files,
                    RetryBudget = loaded?.RetryBudget ?? TimeSpan.FromMinutes(1),
                };
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await error.WriteLineAsync(ex.Message);
                return ExitUnusable;
            }

            return await RunAsync(jobConfig, result.GetValue(json), output, error, cancellationToken);
        });
        return command;
    }

    private static RegistryOpsConfig LoadConfig(string? path)
    {
        var resolved = ConfigPath.Resolve(path);
        var result = ConfigLoader.Load(resolved);
        if (!result.IsValid)
        {
            ConfigProblemPrinter.Print(result.Problems, Console.Error);
            throw new InvalidOperationException($"{resolved} is not a valid config");
        }

        return result.Config!;
    }

    internal static async Task<int> RunAsync(SyncJobConfig config, bool json, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        SyncPlan plan;
        try
        {
            plan = new RegsyncPlanSource(new RegsyncConfigReader()).Load(config.Files);
        }
        catch (SyncPlanException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return ExitUnusable;
        }

        foreach (var problem in plan.Warnings.Concat(plan.Errors))
        {
            await error.WriteLineAsync(problem);
        }

        var clients = new RegistryClientFactory(NullLoggerFactory.Instance, TimeProvider.System);
        using var session = new ClientSyncRegistryFactory(clients).Open(plan.Registries, config);
        var reports = await new SyncEngine(session, NullLogger.Instance)
            .RunAsync(plan.Entries, dryRun: true, cancellationToken);

        await (json ? WriteJsonAsync(reports, output) : WriteTextAsync(reports, output));
        return ExitCodeFor(reports, plan.Errors.Count > 0);
    }

    internal static int ExitCodeFor(IReadOnlyList<EntryReport> reports, bool fileErrors)
    {
        var images = reports.SelectMany(r => r.Images).ToList();
        if (fileErrors || reports.Any(r => r.Error is not null)
            || images.Any(i => i.Outcome is ImageOutcome.Failed or ImageOutcome.SourceMissing))
        {
            return ExitErrors;
        }

        return images.Any(i => i.Outcome == ImageOutcome.Stale) ? ExitStale : ExitUpToDate;
    }

    internal static async Task WriteTextAsync(IReadOnlyList<EntryReport> reports, TextWriter output)
    {
        foreach (var report in reports)
        {
            if (report.Error is not null)
            {
                await output.WriteLineAsync($"error      {report.Entry}: {report.Error}");
                continue;
            }

            foreach (var image in report.Images)
            {
                var state = image.Outcome switch
                {
                    ImageOutcome.Unchanged => "up-to-date",
                    ImageOutcome.Stale when image.TargetDigest is null => "missing",
                    ImageOutcome.Stale => "stale",
                    ImageOutcome.SourceMissing => "no-source",
                    _ => "error",
                };
                var detail = image.Error is not null ? $"  ({image.Error})"
                    : image.Outcome == ImageOutcome.Stale && image.TargetDigest is not null
                        ? $"  {Short(image.TargetDigest)} -> {Short(image.SourceDigest)}"
                        : "";
                await output.WriteLineAsync($"{state,-10} {image.Target}{detail}");
            }
        }
    }

    private static Task WriteJsonAsync(IReadOnlyList<EntryReport> reports, TextWriter output)
    {
        var rows = reports.SelectMany(r => r.Error is not null
            ? [new CheckRow(r.Entry.Key, r.Entry.Source.ToString(), r.Entry.Target.ToString(), "error", null, null,
                r.Error)]
            : r.Images.Select(i => new CheckRow(r.Entry.Key, i.Source.ToString(), i.Target.ToString(), i.Outcome switch
            {
                ImageOutcome.Unchanged => "up-to-date",
                ImageOutcome.Stale => i.TargetDigest is null ? "missing" : "stale",
                ImageOutcome.SourceMissing => "source-missing",
                _ => "error",
            }, i.SourceDigest, i.TargetDigest, i.Error)));
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        };
        return output.WriteLineAsync(JsonSerializer.Serialize(rows, options));
    }

    private sealed record CheckRow(string Entry, string Source, string Target, string State, string? SourceDigest,
        string? TargetDigest, string? Error);

    private static string Short(string? digest) => digest is null ? "-" : digest.Replace("sha256:", "")[..12];
}
