using RegistryOps.Core.Jobs;

namespace RegistryOps.Core.Coordination;

/// <summary>One holder or waiter of the registry lock. Mutable fields are guarded by the
/// manager's gate.</summary>
internal sealed class LockRequest(string name, RegistryAccess access, DateTimeOffset since)
{
    public string Name { get; } = name;

    public RegistryAccess Access { get; } = access;

    public DateTimeOffset Since { get; set; } = since;

    /// <summary>Completed (asynchronously, outside the gate's callers) when the request is granted.</summary>
    public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LinkedListNode<LockRequest>? Node { get; set; }

    public bool IsGranted { get; set; }

    public IDisposable? FileLock { get; set; }

    public LockParty ToParty() => new(Name, Access, Since);
}
