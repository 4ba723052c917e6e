using RegistryOps.Core.Configuration;

namespace RegistryOps.Commands.Sync;

/// <summary>What the entry commands need from the main config.</summary>
/// <param name="FilesGlob">The regsync files (<c>jobs.sync.files</c>).</param>
/// <param name="RegistryHost">host[:port] of <c>registry.url</c>, the prefix of guessed targets.</param>
public sealed record SyncManageSettings(string FilesGlob, string RegistryHost)
{
    public static SyncManageSettings From(RegistryOpsConfig config) =>
        new(config.Jobs.Sync.Files, new Uri(config.Registry.Url).Authority);
}
