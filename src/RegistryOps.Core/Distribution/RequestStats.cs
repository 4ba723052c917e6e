using System.Collections.Concurrent;

namespace RegistryOps.Core.Distribution;

/// <summary>HTTP requests a client has sent, by method (token requests apart), for tests,
/// benchmarks and the "one HEAD per tag" promise.</summary>
public sealed class RequestStats
{
    private readonly ConcurrentDictionary<string, long> _byMethod = new(StringComparer.Ordinal);
    private long _tokenRequests;

    /// <summary>Requests to the registry itself, all methods.</summary>
    public long Total => _byMethod.Values.Sum();

    /// <summary>Requests to a Bearer token endpoint.</summary>
    public long TokenRequests => Interlocked.Read(ref _tokenRequests);

    public long Count(HttpMethod method) => _byMethod.GetValueOrDefault(method.Method);

    internal void Record(HttpMethod method) => _byMethod.AddOrUpdate(method.Method, 1, (_, n) => n + 1);

    internal void RecordToken() => Interlocked.Increment(ref _tokenRequests);

    public override string ToString() =>
        string.Join(", ", _byMethod.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))
        + $"; token {TokenRequests}";
}
