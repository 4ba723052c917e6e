using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RegistryOps.Commands;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Jobs;
using RegistryOps.Core.Scheduling;

namespace RegistryOps.Hosting;

/// <summary>
/// Runs one job once without the daemon: the same services as <c>run</c>, but the host is
/// never started, so no scheduler, no metrics listener and no systemd notifications.
/// SIGINT and SIGTERM cancel the run, which then restores what it changed before exiting.
/// </summary>
internal static class OneShot
{
    public static async Task<int> RunAsync(OneShotRequest request, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        ConfigProvider config;
        try
        {
            config = new ConfigProvider(request.ConfigPath);
        }
        catch (ConfigException exception)
        {
            ConfigProblemPrinter.Print(exception.Problems, error);
            return ExitCodes.InvalidConfigOrUsage;
        }

        await using var logger = DaemonLogging.Create(request.LogTarget);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.AddRegistryOpsCommon(config, logger);
        using var host = builder.Build();

        var jobs = host.Services.GetServices<IJob>().ToList();
        var job = jobs.FirstOrDefault(j =>
            string.Equals(j.Name, request.Job, StringComparison.OrdinalIgnoreCase));
        if (job is null)
        {
            var known = string.Join(", ", jobs.Select(j => j.Name).Order(StringComparer.Ordinal));
            error.WriteLine($"registryops: unknown job '{request.Job}'; known jobs: {known}");
            return ExitCodes.InvalidConfigOrUsage;
        }

        // `enabled: false` covers every way a job starts, as the daemon's trigger refuses it too.
        if (!job.GetSchedule(config.Current).Enabled)
        {
            error.WriteLine($"registryops: job '{job.Name}' is disabled in {request.ConfigPath} "
                + $"(jobs.{job.Name}.enabled: false)");
            return ExitCodes.JobSkipped;
        }

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var onInterrupt = PosixSignalRegistration.Create(
            PosixSignal.SIGINT, context => Cancel(context, cancellation));
        using var onTerminate = PosixSignalRegistration.Create(
            PosixSignal.SIGTERM, context => Cancel(context, cancellation));

        var runner = host.Services.GetRequiredService<IJobRunner>();
        var report = await runner.RunAsync(job, JobTrigger.Once, request.DryRun, cancellation.Token);

        output.WriteLine(Describe(report));
        return ToExitCode(report.Outcome);
    }

    internal static string Describe(RunReport report)
    {
        var seconds = report.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var outcome = report.Outcome.ToString().ToLowerInvariant();
        return $"{report.Job} {outcome} in {seconds}s (run {report.RunId}): {report.Summary}";
    }

    internal static int ToExitCode(JobOutcome outcome) => outcome switch
    {
        JobOutcome.Succeeded => ExitCodes.Ok,
        JobOutcome.Failed => ExitCodes.JobFailed,
        JobOutcome.Partial => ExitCodes.JobPartial,
        JobOutcome.Skipped => ExitCodes.JobSkipped,
        JobOutcome.Cancelled => ExitCodes.Cancelled,
        _ => ExitCodes.InternalError,
    };

    private static void Cancel(PosixSignalContext context, CancellationTokenSource cancellation)
    {
        // Keep the process alive until the job has unwound; the exit code then says Cancelled.
        context.Cancel = true;
        cancellation.Cancel();
    }
}
