using System.Diagnostics.Metrics;
using RegistryOps.Core.Telemetry;

namespace RegistryOps.Jobs.ChangeDetection;

/// <summary>The changes job's instruments: what the registry holds, and what changed by kind.</summary>
public sealed class ChangesMetrics
{
    private readonly Counter<long> _detected;
    private readonly GaugeValue _repositories = new();
    private readonly GaugeValue _tags = new();

    public ChangesMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MetricNames.MeterName);
        _detected = meter.CreateCounter<long>(MetricNames.ChangesDetected, "{change}",
            "Changes found by the changes job, by kind (repository_added, repository_removed, tag_added, "
            + "tag_removed, tag_repointed).");

        // No series before the first complete snapshot: unknown is not zero.
        meter.CreateObservableGauge(MetricNames.ChangesRepositories, _repositories.Observe,
            "{repository}", "Repositories with at least one tag at the last complete snapshot.");
        meter.CreateObservableGauge(MetricNames.ChangesTags, _tags.Observe,
            "{tag}", "Tags at the last complete snapshot.");
    }

    public void RecordSnapshot(RegistrySnapshot snapshot)
    {
        _repositories.Set(snapshot.RepositoryCount);
        _tags.Set(snapshot.TagCount);
    }

    public void RecordChanges(RegistryChanges changes)
    {
        foreach (var (kind, count) in changes.CountsByKind())
        {
            _detected.Add(count, new KeyValuePair<string, object?>(MetricNames.TagKind, kind));
        }
    }
}
