namespace RegistryOps.Commands;

/// <summary>
/// Process exit codes of every command, stable for scripts, systemd and monitoring. Values
/// below 64 belong to RegistryOps; 70 follows sysexits.h (EX_SOFTWARE) and 130 the shell's
/// convention for an interrupt.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Done: the config is valid, the job succeeded, the daemon stopped cleanly.</summary>
    public const int Ok = 0;

    /// <summary>The configuration is invalid or unreadable (every problem is printed with
    /// file:line:column), or the command line is wrong (unknown option, unknown job). The unit
    /// lists it in RestartPreventExitStatus: restarting cannot fix a bad file.</summary>
    public const int InvalidConfigOrUsage = 1;

    /// <summary>The job ran and failed.</summary>
    public const int JobFailed = 2;

    /// <summary>The job ran and part of its work failed (e.g. some sync entries).</summary>
    public const int JobPartial = 3;

    /// <summary>The job did not run: skipped (window closed, lock deadline, minimum interval),
    /// disabled, or refused because it is already running.</summary>
    public const int JobSkipped = 4;

    /// <summary>A check found something out of date (used by <c>sync check</c>).</summary>
    public const int Stale = 5;

    /// <summary>An unexpected error inside RegistryOps; the message says what.</summary>
    public const int InternalError = 70;

    /// <summary>Stopped by SIGINT or SIGTERM before the job finished.</summary>
    public const int Cancelled = 130;
}
