namespace RegistryOps.Core.Jobs;

/// <summary>Why a run started; stored in run history and logged as TRIGGER.</summary>
public enum JobTrigger
{
    Schedule,
    Startup,
    MissedRun,
    Manual,
    Once,
}
