namespace RegistryOps.IntegrationTests.Daemon;

/// <summary>
/// Base of the daemon test classes. xunit makes one instance per test, so every test gets a
/// fresh sandbox, and every daemon started from it is stopped by PID when the test ends.
/// </summary>
public abstract class DaemonTest : IAsyncLifetime
{
    protected static readonly TimeSpan Patience = DaemonSandbox.Patience;

    private protected DaemonSandbox Sandbox { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await Sandbox.DisposeAsync();
}
