namespace RegistryOps.Jobs.Sync.Manage;

/// <summary>An entry command that was refused; the message says why and nothing was written.</summary>
public sealed class SyncManageException : Exception
{
    public SyncManageException(string message)
        : base(message)
    {
    }

    public SyncManageException(string message, IReadOnlyList<string> details)
        : base(string.Join(Environment.NewLine, [message, .. details]))
    {
    }
}
