using System.Diagnostics.Metrics;

namespace RegistryOps.Core.Telemetry;

/// <summary>
/// The value behind an observable gauge that has no series while the value is unknown: unknown
/// is not zero, and a missing series is better than a false alarm. Safe to set from one thread
/// while the exporter observes from another. A negative value counts as unknown.
/// </summary>
public sealed class GaugeValue
{
    private const long Unknown = -1;

    private long _value = Unknown;

    /// <summary>Sets the value; null makes it unknown again.</summary>
    public void Set(long? value) => Interlocked.Exchange(ref _value, value ?? Unknown);

    public IEnumerable<Measurement<long>> Observe()
    {
        var current = Interlocked.Read(ref _value);
        return current < 0 ? [] : [new Measurement<long>(current)];
    }
}
