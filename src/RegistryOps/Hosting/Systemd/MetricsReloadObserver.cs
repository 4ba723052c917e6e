using RegistryOps.Core.Telemetry;

namespace RegistryOps.Hosting.Systemd;

/// <summary>Counts reloads by result (<c>registryops_config_reloads_total{result="ok|error"}</c>).</summary>
internal sealed class MetricsReloadObserver(RegistryOpsMetrics metrics) : IReloadObserver
{
    public void Reloaded(bool accepted) => metrics.RecordReload(accepted);
}
