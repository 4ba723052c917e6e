using System.Collections.Concurrent;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Jobs;

namespace RegistryOps.Tests.Scheduling;

/// <summary>A job that records each run and does what <see cref="Body"/> says.</summary>
internal sealed class TestJob(string name, RegistryAccess access, Func<RegistryOpsConfig, JobScheduleConfig> schedule)
    : IJob
{
    public string Name { get; } = name;

    public RegistryAccess Access { get; } = access;

    public Func<JobContext, CancellationToken, Task<JobResult>> Body { get; set; } =
        (_, _) => Task.FromResult(JobResult.Succeeded("done"));

    public ConcurrentQueue<JobContext> Runs { get; } = new();

    /// <summary>The "changes" job, scheduled by the jobs.changes section.</summary>
    public static TestJob Changes() => new("changes", RegistryAccess.Shared, c => c.Jobs.Changes);

    /// <summary>The "sync" job, scheduled by the jobs.sync section.</summary>
    public static TestJob Sync() => new("sync", RegistryAccess.Shared, c => c.Jobs.Sync);

    public JobScheduleConfig GetSchedule(RegistryOpsConfig config) => schedule(config);

    public Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        Runs.Enqueue(context);
        return Body(context, cancellationToken);
    }

    /// <summary>Makes every run wait for <see cref="Release"/> (or its cancellation).</summary>
    public TaskCompletionSource<JobResult> Block()
    {
        var gate = new TaskCompletionSource<JobResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        Body = (_, ct) => gate.Task.WaitAsync(ct);
        return gate;
    }
}
