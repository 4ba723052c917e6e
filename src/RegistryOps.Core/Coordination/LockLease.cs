namespace RegistryOps.Core.Coordination;

/// <summary>Held access; disposing it releases the access once, however often it is called.</summary>
internal sealed class LockLease(Action release) : IAsyncDisposable, IDisposable
{
    public static readonly LockLease None = new(() => { });

    private int _released;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            release();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
