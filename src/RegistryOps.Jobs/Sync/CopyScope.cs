namespace RegistryOps.Jobs.Sync;

/// <summary>The two sides of one image copy and the bytes it has uploaded so far.</summary>
internal sealed class CopyScope(
    ISyncRegistry source,
    string sourceRepository,
    ISyncRegistry target,
    string targetRepository)
{
    private long _bytes;

    public ISyncRegistry Source { get; } = source;

    public string SourceRepository { get; } = sourceRepository;

    public ISyncRegistry Target { get; } = target;

    public string TargetRepository { get; } = targetRepository;

    public long Bytes => Interlocked.Read(ref _bytes);

    public void Add(long bytes) => Interlocked.Add(ref _bytes, bytes);
}
