using RegistryOps.Core.Jobs;

namespace RegistryOps.Core.Scheduling;

/// <summary>Starts a job now, from inside the daemon (control socket, webhook receiver).</summary>
public interface IJobTrigger
{
    /// <summary>Queues a run; refused (with the reason) when the job is unknown, disabled or
    /// already running.</summary>
    TriggerResult Trigger(string job, JobTrigger trigger = JobTrigger.Manual);
}

public sealed record TriggerResult(bool Accepted, string Message);
