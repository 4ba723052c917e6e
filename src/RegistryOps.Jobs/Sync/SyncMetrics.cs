using System.Diagnostics.Metrics;
using RegistryOps.Core.Telemetry;

namespace RegistryOps.Jobs.Sync;

/// <summary>The sync job's instruments: images by outcome, bytes copied, Docker Hub pulls left.</summary>
internal sealed class SyncMetrics
{
    private readonly Counter<long> _images;
    private readonly Counter<long> _bytes;
    // -1: unknown. An int so reads and writes from the exporter thread are atomic.
    private int _hubRemaining = -1;

    public SyncMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MetricNames.MeterName);
        _images = meter.CreateCounter<long>(MetricNames.SyncImages, "{image}",
            "Images handled by sync runs, by outcome (synced, unchanged, stale, sourcemissing, failed).");
        _bytes = meter.CreateCounter<long>(MetricNames.SyncBytes, "By",
            "Blob bytes uploaded into target registries by sync runs.");
        meter.CreateObservableGauge(MetricNames.HubRemaining, ObserveHub, "{pull}",
            "Docker Hub pulls remaining in the current window, as last read before a sync run.");
    }

    public void RecordImages(ImageOutcome outcome, int count)
    {
        if (count > 0)
        {
            _images.Add(count, new KeyValuePair<string, object?>(MetricNames.TagOutcome,
                outcome.ToString().ToLowerInvariant()));
        }
    }

    public void RecordBytes(long bytes)
    {
        if (bytes > 0)
        {
            _bytes.Add(bytes);
        }
    }

    public void RecordHubRemaining(int? remaining) => Volatile.Write(ref _hubRemaining, remaining ?? -1);

    private IEnumerable<Measurement<int>> ObserveHub()
    {
        // Unknown is not reported as 0: a missing series is better than a false alarm.
        var remaining = Volatile.Read(ref _hubRemaining);
        return remaining >= 0 ? [new Measurement<int>(remaining)] : [];
    }
}
