using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using RegistryOps.Core.Jobs;

namespace RegistryOps.Core.Telemetry;

/// <summary>
/// The daemon's instruments under the meter <see cref="MetricNames.MeterName"/>. Units follow the
/// Prometheus exporter's rules: "s" becomes a <c>_seconds</c> suffix, a unit in braces is only an
/// annotation, and counters get <c>_total</c> from the exporter. Timestamps are Unix seconds.
/// </summary>
public sealed class RegistryOpsMetrics
{
    private static readonly double[] DurationBuckets =
        [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200];

    private readonly Counter<long> _runs;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _reloads;
    private readonly Histogram<double> _lockWait;
    private readonly Counter<long> _notifications;

    private readonly ConcurrentDictionary<string, double> _lastSuccess = new();
    private readonly ConcurrentDictionary<string, double> _nextRun = new();
    private readonly ConcurrentDictionary<string, int> _running = new();
    private readonly ConcurrentDictionary<RegistryAccess, int> _holders = new();
    private readonly ConcurrentDictionary<RegistryAccess, int> _waiters = new();
    private readonly GaugeValue _registryUp = new();

    public RegistryOpsMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MetricNames.MeterName);

        _runs = meter.CreateCounter<long>(MetricNames.JobRuns, "{run}",
            "Finished job runs by job and outcome.");
        // The SDK's default buckets (0, 5, 10, 25 … 10000) put every run under 5 s in one bucket;
        // jobs here range from a 100 ms change scan to an hour-long first sync or backup.
        _duration = meter.CreateHistogram<double>(MetricNames.JobDuration, "s",
            "Wall-clock duration of job runs, lock wait included.", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _reloads = meter.CreateCounter<long>(MetricNames.ConfigReloads, "{reload}",
            "Config reloads by result (ok or error).");
        _lockWait = meter.CreateHistogram<double>(MetricNames.LockWait, "s",
            "Time spent waiting for the registry lock, by access.", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _notifications = meter.CreateCounter<long>(MetricNames.NotificationsSent, "{notification}",
            "Notifications handed to a channel, by channel and result.");

        meter.CreateObservableGauge(MetricNames.JobLastSuccess, () => PerJob(_lastSuccess), "s",
            "Unix time at which the last successful run of the job started.");
        meter.CreateObservableGauge(MetricNames.JobNextRun, () => PerJob(_nextRun), "s",
            "Unix time of the job's next scheduled run.");
        meter.CreateObservableGauge(MetricNames.JobRunning, () => PerJob(_running), "{run}",
            "1 while the job is running, else 0.");
        meter.CreateObservableGauge(MetricNames.LockHolders, () => PerAccess(_holders), "{holder}",
            "Holders of the registry lock, by access.");
        meter.CreateObservableGauge(MetricNames.LockWaiters, () => PerAccess(_waiters), "{waiter}",
            "Requests waiting for the registry lock, by access.");
        meter.CreateObservableGauge(MetricNames.RegistryUp, _registryUp.Observe, "{up}",
            "1 when the registry answered its last check, 0 when it did not.");
    }

    public void RecordRun(string job, JobOutcome outcome, TimeSpan duration)
    {
        var tags = new TagList
        {
            { MetricNames.TagJob, job },
            { MetricNames.TagOutcome, outcome.ToString().ToLowerInvariant() },
        };
        _runs.Add(1, tags);
        _duration.Record(duration.TotalSeconds, tags);
    }

    public void SetLastSuccess(string job, DateTimeOffset startedAt) =>
        _lastSuccess[job] = startedAt.ToUnixTimeMilliseconds() / 1000.0;

    /// <summary>Sets the next scheduled run; null removes the series (no schedule).</summary>
    public void SetNextRun(string job, DateTimeOffset? at)
    {
        if (at is { } value)
        {
            _nextRun[job] = value.ToUnixTimeMilliseconds() / 1000.0;
        }
        else
        {
            _nextRun.TryRemove(job, out _);
        }
    }

    public void SetRunning(string job, bool running) => _running[job] = running ? 1 : 0;

    public void RecordReload(bool ok) =>
        _reloads.Add(1, new KeyValuePair<string, object?>(MetricNames.TagResult, ok ? "ok" : "error"));

    public void RecordLockWait(RegistryAccess access, TimeSpan waited) =>
        _lockWait.Record(waited.TotalSeconds,
            new KeyValuePair<string, object?>(MetricNames.TagAccess, Name(access)));

    public void SetLockCounts(
        int sharedHolders,
        int exclusiveHolders,
        int sharedWaiters,
        int exclusiveWaiters)
    {
        _holders[RegistryAccess.Shared] = sharedHolders;
        _holders[RegistryAccess.Exclusive] = exclusiveHolders;
        _waiters[RegistryAccess.Shared] = sharedWaiters;
        _waiters[RegistryAccess.Exclusive] = exclusiveWaiters;
    }

    public void SetRegistryUp(bool up) => _registryUp.Set(up ? 1 : 0);

    public void RecordNotification(string channel, bool ok) =>
        _notifications.Add(1, new TagList
        {
            { MetricNames.TagChannel, channel },
            { MetricNames.TagResult, ok ? "ok" : "error" },
        });

    private static IEnumerable<Measurement<double>> PerJob<T>(ConcurrentDictionary<string, T> values)
        where T : struct, IConvertible =>
        values.Select(pair => new Measurement<double>(Convert.ToDouble(pair.Value),
            new KeyValuePair<string, object?>(MetricNames.TagJob, pair.Key)));

    private static IEnumerable<Measurement<int>> PerAccess(ConcurrentDictionary<RegistryAccess, int> values) =>
        values.Select(pair => new Measurement<int>(pair.Value,
            new KeyValuePair<string, object?>(MetricNames.TagAccess, Name(pair.Key))));

    private static string Name(RegistryAccess access) => access.ToString().ToLowerInvariant();
}
