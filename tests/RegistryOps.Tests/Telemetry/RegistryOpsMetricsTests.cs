using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using RegistryOps.Core.Jobs;
using RegistryOps.Core.Telemetry;

namespace RegistryOps.Tests.Telemetry;

public sealed class RegistryOpsMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(string Name, double Value, Dictionary<string, object?> Tags)> _seen = [];
    private readonly List<Instrument> _instruments = [];

    public RegistryOpsMetricsTests()
    {
        // Only this test's meter: other tests create RegistryOps meters in parallel.
        var factory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MetricNames.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                _instruments.Add(instrument);
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        _listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        _listener.SetMeasurementEventCallback<int>((i, v, t, _) => Record(i, v, t));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    [Fact]
    public void EveryInstrument_HasAUnitAndADescription_AndNoTotalSuffix()
    {
        _ = NewMetrics();

        Assert.Equal(11, _instruments.Count);
        Assert.All(_instruments, i =>
        {
            Assert.False(string.IsNullOrEmpty(i.Unit), i.Name);
            Assert.False(string.IsNullOrEmpty(i.Description), i.Name);
            Assert.DoesNotContain("total", i.Name);
        });
        Assert.Equal("s", _instruments.Single(i => i.Name == MetricNames.JobDuration).Unit);
        Assert.Equal("s", _instruments.Single(i => i.Name == MetricNames.JobLastSuccess).Unit);
    }

    [Fact]
    public void RecordRun_CountsByJobAndOutcome_AndTimesInSeconds()
    {
        var metrics = NewMetrics();

        metrics.RecordRun("sync", JobOutcome.Partial, TimeSpan.FromMilliseconds(1500));

        var run = Assert.Single(_seen, m => m.Name == MetricNames.JobRuns);
        Assert.Equal(1, run.Value);
        Assert.Equal("sync", run.Tags[MetricNames.TagJob]);
        Assert.Equal("partial", run.Tags[MetricNames.TagOutcome]);
        Assert.Equal(1.5, Assert.Single(_seen, m => m.Name == MetricNames.JobDuration).Value);
    }

    [Fact]
    public void Gauges_ReportUnixSecondsAndStates()
    {
        var metrics = NewMetrics();
        metrics.SetLastSuccess("gc", new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero));
        metrics.SetNextRun("gc", new DateTimeOffset(2026, 3, 30, 1, 0, 0, TimeSpan.Zero));
        metrics.SetRunning("gc", true);
        metrics.SetLockCounts(2, 0, 1, 1);

        _listener.RecordObservableInstruments();

        Assert.Equal(1774746000, Single(MetricNames.JobLastSuccess).Value);
        Assert.Equal(1774832400, Single(MetricNames.JobNextRun).Value);
        Assert.Equal(1, Single(MetricNames.JobRunning).Value);
        Assert.DoesNotContain(_seen, m => m.Name == MetricNames.RegistryUp);
        Assert.Equal(2, _seen.Single(m => m.Name == MetricNames.LockHolders
            && (string?)m.Tags[MetricNames.TagAccess] == "shared").Value);

        metrics.SetRegistryUp(false);
        _listener.RecordObservableInstruments();
        Assert.Equal(0, _seen.Last(m => m.Name == MetricNames.RegistryUp).Value);
    }

    [Fact]
    public void RecordReload_CountsByResult()
    {
        var metrics = NewMetrics();

        metrics.RecordReload(true);
        metrics.RecordReload(false);

        Assert.Equal(["ok", "error"], _seen.Where(m => m.Name == MetricNames.ConfigReloads)
            .Select(m => m.Tags[MetricNames.TagResult]));
    }

    private RegistryOpsMetrics NewMetrics() => new(_services.GetRequiredService<IMeterFactory>());

    private (string Name, double Value, Dictionary<string, object?> Tags) Single(string name) =>
        Assert.Single(_seen, m => m.Name == name);

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var (key, tag) in tags)
        {
            copy[key] = tag;
        }

        lock (_seen)
        {
            _seen.Add((instrument.Name, value, copy));
        }
    }
}
