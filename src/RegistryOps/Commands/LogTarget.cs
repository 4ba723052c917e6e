namespace RegistryOps.Commands;

/// <summary>Where log events go (<c>--log-target</c>).</summary>
internal enum LogTarget
{
    /// <summary>journald when systemd connected our output to the journal, else the console.</summary>
    Auto,

    Console,

    /// <summary>journald's native socket (REGISTRYOPS_JOURNAL_SOCKET overrides its path).</summary>
    Journald,
}
