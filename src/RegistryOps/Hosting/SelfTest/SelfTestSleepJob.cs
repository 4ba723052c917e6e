using System.Globalization;
using Cronos;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Jobs;

namespace RegistryOps.Hosting.SelfTest;

/// <summary>
/// A job that only waits, registered when REGISTRYOPS_TEST_JOBS=1 and never otherwise. The
/// process-level tests need a run that is certainly in progress when they kill the daemon with
/// SIGKILL (to see it come back as abandoned), a run whose log scope reaches journald, and a
/// cron schedule that a config reload can move (through <c>timezone:</c>); the real jobs need a
/// registry and finish at their own pace. It touches nothing. Environment:
/// REGISTRYOPS_TEST_SLEEP_SECONDS (default 600), REGISTRYOPS_TEST_RUN_ON_START (default 1),
/// REGISTRYOPS_TEST_SCHEDULE (a 5-field cron expression; default none).
/// </summary>
internal sealed class SelfTestSleepJob(TimeProvider timeProvider) : IJob
{
    public const string JobName = "selftest-sleep";

    private readonly SelfTestScheduleConfig _schedule = new()
    {
        RunOnStart = Environment.GetEnvironmentVariable("REGISTRYOPS_TEST_RUN_ON_START") != "0",
        Schedule = Environment.GetEnvironmentVariable("REGISTRYOPS_TEST_SCHEDULE") is { Length: > 0 } cron
            ? CronExpression.Parse(cron)
            : null,
    };

    public string Name => JobName;

    public RegistryAccess Access => RegistryAccess.None;

    public JobScheduleConfig GetSchedule(RegistryOpsConfig config) => _schedule;

    public async Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var seconds = SleepSeconds();
        await Task.Delay(TimeSpan.FromSeconds(seconds), timeProvider, cancellationToken);
        return JobResult.Succeeded($"slept {seconds}s");
    }

    private static int SleepSeconds()
    {
        var text = Environment.GetEnvironmentVariable("REGISTRYOPS_TEST_SLEEP_SECONDS");
        var parsed = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value);
        return parsed ? value : 600;
    }
}
