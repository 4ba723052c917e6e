using System.Diagnostics.Metrics;
using RegistryOps.Core.Telemetry;

namespace RegistryOps.Jobs.Sync;

/// <summary>The sync job's instruments: images by outcome, bytes copied, Docker Hub pulls left.</summary>
internal sealed class SyncMetrics
{
    private readonly Counter<long> _images;
    private readonly Counter<long> _bytes;
    private readonly GaugeValue _hubRemaining = new();

    public SyncMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MetricNames.MeterName);
        _images = meter.CreateCounter<long>(MetricNames.SyncImages, "{image}",
            "Images handled by sync runs, by outcome (synced, unchanged, stale, sourcemissing, failed).");
        _bytes = meter.CreateCounter<long>(MetricNames.SyncBytes, "By",
            "Blob bytes uploaded into target registries by sync runs.");
        meter.CreateObservableGauge(MetricNames.HubRemaining, _hubRemaining.Observe, "{pull}",
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

    public void RecordHubRemaining(int? remaining) => _hubRemaining.Set(remaining);
}
