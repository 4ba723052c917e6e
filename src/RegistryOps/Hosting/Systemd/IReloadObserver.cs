namespace RegistryOps.Hosting.Systemd;

/// <summary>Told the result of every reload (the reload metric).</summary>
internal interface IReloadObserver
{
    void Reloaded(bool accepted);
}
