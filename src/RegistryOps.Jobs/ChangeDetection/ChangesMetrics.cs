using System.Diagnostics.Metrics;
using RegistryOps.Core.Telemetry;

namespace RegistryOps.Jobs.ChangeDetection;

/// <summary>The changes job's instruments: what the registry holds, and what changed by kind.</summary>
public sealed class ChangesMetrics
{
    private readonly Counter<long> _detected;
    private long _repositories = -1;
    private long _tags = -1;

    public ChangesMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MetricNames.MeterName);
        _detected = meter.CreateCounter<long>(MetricNames.ChangesDetected, "{change}",
            "Changes found by the changes job, by kind (repository_added, repository_removed, tag_added, "
            + "tag_removed, tag_repointed).");

        // No series before the first complete snapshot: unknown is not zero.
        meter.CreateObservableGauge(MetricNames.ChangesRepositories, () => Observe(ref _repositories),
            "{repository}", "Repositories with at least one tag at the last complete snapshot.");
        meter.CreateObservableGauge(MetricNames.ChangesTags, () => Observe(ref _tags),
            "{tag}", "Tags at the last complete snapshot.");
    }

    public void RecordSnapshot(RegistrySnapshot snapshot)
    {
        Interlocked.Exchange(ref _repositories, snapshot.RepositoryCount);
        Interlocked.Exchange(ref _tags, snapshot.TagCount);
    }

    public void RecordChanges(RegistryChanges changes)
    {
        foreach (var (kind, count) in changes.CountsByKind())
        {
            _detected.Add(count, new KeyValuePair<string, object?>(MetricNames.TagKind, kind));
        }
    }

    private static IEnumerable<Measurement<long>> Observe(ref long value)
    {
        var current = Interlocked.Read(ref value);
        return current < 0 ? [] : [new Measurement<long>(current)];
    }
}
