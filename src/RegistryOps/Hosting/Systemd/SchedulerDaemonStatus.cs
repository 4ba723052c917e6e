using RegistryOps.Core.Scheduling;

namespace RegistryOps.Hosting.Systemd;

/// <summary>The scheduler's status line as the daemon's status.</summary>
internal sealed class SchedulerDaemonStatus(JobScheduler scheduler) : IDaemonStatus
{
    public string Describe() => scheduler.Describe();

    public event Action<string>? Changed
    {
        add => scheduler.StatusChanged += value;
        remove => scheduler.StatusChanged -= value;
    }
}
