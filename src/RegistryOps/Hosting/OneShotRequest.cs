using RegistryOps.Commands;

namespace RegistryOps.Hosting;

internal sealed record OneShotRequest(string ConfigPath, string Job, bool DryRun, LogTarget LogTarget);
