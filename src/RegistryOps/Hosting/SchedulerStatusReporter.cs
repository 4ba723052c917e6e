using RegistryOps.ControlSocket;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Coordination;
using RegistryOps.Core.Jobs;
using RegistryOps.Core.Scheduling;

namespace RegistryOps.Hosting;

/// <summary>The answer to <c>registryops status</c>: the scheduler's view of every job and who
/// holds or waits for the registry lock.</summary>
internal sealed class SchedulerStatusReporter(
    JobScheduler scheduler,
    IEnumerable<IJob> jobs,
    IConfigProvider configProvider,
    IRegistryLockManager locks) : IStatusReporter
{
    public DaemonStatus Report()
    {
        var status = scheduler.Status();
        var config = configProvider.Current;
        var next = status.Next.ToDictionary(run => run.Job, run => run.At, StringComparer.Ordinal);

        var perJob = jobs.OrderBy(job => job.Name, StringComparer.Ordinal).Select(job =>
        {
            var schedule = job.GetSchedule(config);
            return new JobStatus(
                job.Name,
                schedule.Enabled,
                status.Running.Contains(job.Name),
                next.TryGetValue(job.Name, out var at) ? at : null,
                schedule.Schedule?.ToString());
        }).ToList();

        var snapshot = locks.Snapshot();
        return new DaemonStatus(
            status.Describe(),
            perJob,
            [.. snapshot.Holders.Select(Describe)],
            [.. snapshot.Waiters.Select(Describe)],
            config.SourcePath);
    }

    private static string Describe(LockParty party) =>
        $"{party.Name} ({party.Access.ToString().ToLowerInvariant()} since {party.Since:HH:mm:ss})";
}
