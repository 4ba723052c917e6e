namespace RegistryOps.Hosting.Systemd;

/// <summary>The one-line description of what the daemon is doing, for systemd's STATUS=.</summary>
internal interface IDaemonStatus
{
    /// <summary>e.g. "idle; next: changes at 14:15".</summary>
    string Describe();

    /// <summary>Raised with the new line whenever it changes.</summary>
    event Action<string>? Changed;
}
