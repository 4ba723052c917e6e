namespace RegistryOps.Core.Jobs;

/// <summary>How a run ended; stored in run history, logged as OUTCOME, a label on metrics.</summary>
public enum JobOutcome
{
    Succeeded,

    /// <summary>Some of the work succeeded and some failed (e.g. 2 of 40 sync entries failed).</summary>
    Partial,

    Failed,

    /// <summary>Did not run: window closed, lock deadline passed, minimum interval, already running.</summary>
    Skipped,

    /// <summary>Stopped by daemon shutdown or a timeout before it finished.</summary>
    Cancelled,

    /// <summary>Found unfinished after a crash; set when the state store is opened.</summary>
    Abandoned,
}
