using System.Globalization;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Jobs;

namespace RegistryOps.Hosting.SelfTest;

/// <summary>
/// A job that only waits, registered when REGISTRYOPS_TEST_JOBS=1 and never otherwise. The
/// process-level tests need a run that is certainly in progress when they kill the daemon with
/// SIGKILL (to see it come back as abandoned) and a run whose log scope reaches journald; the
/// real jobs need a registry and finish at their own pace. It runs at start-up, touches
/// nothing, and sleeps REGISTRYOPS_TEST_SLEEP_SECONDS (default 600) or until cancelled.
/// </summary>
internal sealed class SelfTestSleepJob(TimeProvider timeProvider) : IJob
{
    public const string JobName = "selftest-sleep";

    private static readonly SelfTestScheduleConfig Schedule = new() { RunOnStart = true };

    public string Name => JobName;

    public RegistryAccess Access => RegistryAccess.None;

    public JobScheduleConfig GetSchedule(RegistryOpsConfig config) => Schedule;

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
