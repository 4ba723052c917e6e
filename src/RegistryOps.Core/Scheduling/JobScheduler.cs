using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Jobs;
using RegistryOps.Core.State;
using RegistryOps.Core.Telemetry;

namespace RegistryOps.Core.Scheduling;

/// <summary>
/// Starts jobs on their cron schedules (in the configured time zone), at start-up, after missed
/// runs and on manual triggers. Each run is its own task, so jobs run side by side; only the lock
/// manager (inside the runner) coordinates them. The loop sleeps until the earliest next run and
/// is woken early by a config reload or a trigger.
/// </summary>
public sealed partial class JobScheduler : BackgroundService, IJobTrigger
{
    /// <summary>Longest single sleep: a wall-clock step (NTP, suspend) is noticed within this.</summary>
    private static readonly TimeSpan LongestSleep = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan RetryAfterFault = TimeSpan.FromSeconds(30);

    private readonly object _gate = new();
    private readonly object _publishGate = new();
    private readonly Dictionary<string, IJob> _jobs;
    private readonly Dictionary<string, DateTimeOffset> _next = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> _runs = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _runsCancel = new();
    private readonly IJobRunner _runner;
    private readonly IConfigProvider _configProvider;
    private readonly IStateStore _store;
    private readonly TimeProvider _time;
    private readonly RegistryOpsMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeSpan _stopGrace;

    private RegistryOpsConfig _config;
    private TaskCompletionSource _wake = NewSignal();
    private bool _recompute = true;
    private bool _stopping;
    private string _lastDescription = "";

    /// <param name="stopGrace">How long a stop waits for cancelled runs to restore what they
    /// changed. Default: 30 s. The host's shutdown timeout must be longer.</param>
    public JobScheduler(
        IEnumerable<IJob> jobs,
        IJobRunner runner,
        IConfigProvider configProvider,
        IStateStore store,
        TimeProvider time,
        RegistryOpsMetrics metrics,
        ILogger<JobScheduler> logger,
        TimeSpan? stopGrace = null)
    {
        _jobs = jobs.ToDictionary(j => j.Name, StringComparer.Ordinal);
        _runner = runner;
        _configProvider = configProvider;
        _store = store;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _stopGrace = stopGrace ?? TimeSpan.FromSeconds(30);
        _config = configProvider.Current;
        configProvider.Changed += OnConfigChanged;
    }

    /// <summary>Raised with the new <see cref="Describe"/> line whenever it changes.</summary>
    public event Action<string>? StatusChanged;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _stopping = true;
        }

        // Cancel the runs first: each gets the cancellation and restores what it changed.
        await _runsCancel.CancelAsync();
        await base.StopAsync(cancellationToken);

        Task[] runs;
        lock (_gate)
        {
            runs = [.. _runs.Values];
        }

        try
        {
            await Task.WhenAll(runs).WaitAsync(_stopGrace, _time, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            string[] left;
            lock (_gate)
            {
                left = [.. _runs.Keys];
            }

            SchedulerLog.StopGraceExceeded(_logger, left.Length, DurationText.Format(_stopGrace),
                string.Join(", ", left));
        }
    }

    public override void Dispose()
    {
        _configProvider.Changed -= OnConfigChanged;
        _runsCancel.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await StartUpAsync(stoppingToken);

        while (!stoppingToken.IsCancellationRequested)
        {
            var signal = ResetSignal();
            DateTimeOffset wakeAt;
            try
            {
                wakeAt = Step();
            }
            catch (Exception e)
            {
                SchedulerLog.StepFailed(_logger, e, (int)RetryAfterFault.TotalSeconds);
                wakeAt = _time.GetUtcNow() + RetryAfterFault;
            }

            PublishStatus();
            await SleepAsync(wakeAt, signal, stoppingToken);
        }
    }

    /// <summary>Starts the runs that are due and moves their schedules on; returns when to wake
    /// for the next one.</summary>
    private DateTimeOffset Step()
    {
        var now = _time.GetUtcNow();
        List<(IJob Job, DateTimeOffset Due)> due = [];
        lock (_gate)
        {
            // Due runs are taken before a reload's recompute, so a reload landing just as a run
            // falls due does not move that run to the next occurrence; a job the reload disabled
            // or unscheduled is dropped.
            foreach (var (name, at) in _next.Where(n => n.Value <= now).ToList())
            {
                var schedule = _jobs[name].GetSchedule(_config);
                if (schedule.Enabled && schedule.Schedule is not null)
                {
                    due.Add((_jobs[name], at));
                }

                SetNext(name, NextOccurrence(_jobs[name], now));
            }

            if (_recompute)
            {
                Recompute(now);
                _recompute = false;
            }
        }

        foreach (var (job, at) in due)
        {
            if (!StartRun(job, JobTrigger.Schedule))
            {
                SchedulerLog.StillRunning(_logger, job.Name, at);
            }
        }

        lock (_gate)
        {
            return now + (_next.Count == 0 ? LongestSleep : Min(_next.Values.Min() - now, LongestSleep));
        }
    }

    private void Recompute(DateTimeOffset now)
    {
        foreach (var job in _jobs.Values)
        {
            SetNext(job.Name, NextOccurrence(job, now));
        }

        SchedulerLog.Recomputed(_logger);
    }

    private DateTimeOffset? NextOccurrence(IJob job, DateTimeOffset after)
    {
        var schedule = job.GetSchedule(_config);
        if (!schedule.Enabled || schedule.Schedule is null)
        {
            return null;
        }

        // Cronos works in the zone: a time skipped by spring-forward runs once right after the
        // gap, a time repeated by fall-back runs once.
        return schedule.Schedule.GetNextOccurrence(after, _config.TimeZone);
    }

    private void SetNext(string job, DateTimeOffset? at)
    {
        if (at is { } value)
        {
            _next[job] = value;
            SchedulerLog.NextRun(_logger, job, value);
        }
        else
        {
            _next.Remove(job);
        }

        _metrics.SetNextRun(job, at);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
