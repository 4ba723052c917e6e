using RegistryOps.Core.Configuration;

namespace RegistryOps.Core.Jobs;

/// <summary>Everything a job gets for one run. <see cref="Config"/> is the snapshot taken when the
/// run started: a reload during the run does not change it.</summary>
public sealed record JobContext(
    string RunId,
    JobTrigger Trigger,
    RegistryOpsConfig Config,
    bool DryRun);
