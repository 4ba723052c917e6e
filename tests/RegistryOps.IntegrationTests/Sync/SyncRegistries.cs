using RegistryOps.IntegrationTests.Infrastructure;

namespace RegistryOps.IntegrationTests.Sync;

/// <summary>A source and a target registry shared by the sync tests of one class; each test uses
/// its own repository names.</summary>
public sealed class SyncRegistries : IAsyncLifetime
{
    public RegistryContainer Source { get; private set; } = null!;

    public RegistryContainer Target { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Source = await RegistryContainer.StartAsync();
        Target = await RegistryContainer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Source.DisposeAsync();
        await Target.DisposeAsync();
    }
}
