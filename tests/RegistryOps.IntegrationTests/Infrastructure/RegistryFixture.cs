namespace RegistryOps.IntegrationTests.Infrastructure;

/// <summary>Shared by every test in the "registry" collection: finds or starts the Docker
/// engine and builds the registry image once per test run.</summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    public DockerEngine Engine { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Engine = await DockerEngine.GetAsync();
        await RegistryImage.EnsureAsync(Engine);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public Task<RegistryContainer> StartRegistryAsync(RegistryOptions? options = null) =>
        RegistryContainer.StartAsync(options);
}
