using RegistryOps.Core.Jobs;

namespace RegistryOps.Core.Scheduling;

public sealed partial class JobScheduler
{
    public TriggerResult Trigger(string job, JobTrigger trigger = JobTrigger.Manual)
    {
        var result = TryTrigger(job, trigger);
        if (!result.Accepted)
        {
            SchedulerLog.TriggerRefused(_logger, job, result.Message);
        }

        return result;
    }

    private TriggerResult TryTrigger(string name, JobTrigger trigger)
    {
        if (!_jobs.TryGetValue(name, out var job))
        {
            var known = string.Join(", ", _jobs.Keys.Order(StringComparer.Ordinal));
            return new TriggerResult(false, $"unknown job '{name}' (known: {known})");
        }

        bool enabled;
        lock (_gate)
        {
            if (_stopping)
            {
                return new TriggerResult(false, "the daemon is stopping");
            }

            enabled = job.GetSchedule(_config).Enabled;
        }

        if (!enabled)
        {
            return new TriggerResult(false, $"job '{name}' is disabled in the config");
        }

        if (!StartRun(job, trigger))
        {
            var runId = _runner.CurrentRunId(name);
            var which = runId is null ? "" : $" (run {runId})";
            return new TriggerResult(false, $"job '{name}' is already running{which}");
        }

        return new TriggerResult(true, $"job '{name}' started");
    }

    /// <summary>Starts a run on its own task unless the job is running; false when it is.</summary>
    private bool StartRun(IJob job, JobTrigger trigger)
    {
        lock (_gate)
        {
            if (_stopping || _runs.ContainsKey(job.Name) || _runner.IsRunning(job.Name))
            {
                return false;
            }

            // The run's own finally takes the gate to remove itself, so it cannot leave before
            // it has been added here.
            _runs[job.Name] = Task.Run(() => RunAsync(job, trigger));
        }

        PublishStatus();
        return true;
    }

    private async Task RunAsync(IJob job, JobTrigger trigger)
    {
        try
        {
            var scheduled = trigger is JobTrigger.Schedule or JobTrigger.MissedRun;
            if (scheduled && await IsTooSoonAsync(job))
            {
                return;
            }

            await _runner.RunAsync(job, trigger, dryRun: false, _runsCancel.Token);
        }
        catch (OperationCanceledException) when (_runsCancel.IsCancellationRequested)
        {
            // Stopped before the runner started the run: nothing to record.
        }
        catch (Exception e)
        {
            SchedulerLog.RunCrashed(_logger, e, job.Name);
        }
        finally
        {
            lock (_gate)
            {
                _runs.Remove(job.Name);
            }

            PublishStatus();
        }
    }

    /// <summary>min_interval: a scheduled run is skipped while the last successful run started
    /// less than that long ago (the old sync script's 6 h guard).</summary>
    private async Task<bool> IsTooSoonAsync(IJob job)
    {
        TimeSpan minInterval;
        lock (_gate)
        {
            minInterval = job.GetSchedule(_config).MinInterval;
        }

        if (minInterval <= TimeSpan.Zero)
        {
            return false;
        }

        var last = await _store.GetLastRunAsync(job.Name, JobOutcome.Succeeded, _runsCancel.Token);
        if (last is null || _time.GetUtcNow() - last.StartedAt >= minInterval)
        {
            return false;
        }

        SchedulerLog.TooSoon(_logger, job.Name, last.StartedAt, DurationText.Format(minInterval));
        return true;
    }

    /// <summary>Once at start: abandon runs a crash left open, publish the last successes, then
    /// run_on_start and missed runs. A failing step is logged and the scheduler goes on.</summary>
    private async Task StartUpAsync(CancellationToken stoppingToken)
    {
        var now = _time.GetUtcNow();
        await TryAsync("abandon unfinished runs",
            () => _store.AbandonUnfinishedRunsAsync(now, stoppingToken));

        foreach (var job in _jobs.Values)
        {
            _metrics.SetRunning(job.Name, false);
            await TryAsync($"history of {job.Name}", async () =>
            {
                if (await _store.GetLastRunAsync(job.Name, JobOutcome.Succeeded, stoppingToken) is { } last)
                {
                    _metrics.SetLastSuccess(job.Name, last.StartedAt);
                }

                await StartAtStartUpAsync(job, now, stoppingToken);
            });
        }
    }

    private async Task StartAtStartUpAsync(IJob job, DateTimeOffset now, CancellationToken stoppingToken)
    {
        var config = _config;
        var schedule = job.GetSchedule(config);
        if (!schedule.Enabled)
        {
            return;
        }

        if (schedule.RunOnStart)
        {
            StartRun(job, JobTrigger.Startup);
            return;
        }

        if (schedule.Schedule is null || schedule.Missed != Configuration.MissedRunPolicy.RunOnce)
        {
            return;
        }

        // Missed: an occurrence fell between the last run's start and now. With no history at all
        // nothing was missed (a new install or a new job).
        var last = await _store.GetLastRunAsync(job.Name, null, stoppingToken);
        var missed = last is null ? null : schedule.Schedule.GetNextOccurrence(last.StartedAt, config.TimeZone);
        if (missed is { } at && at <= now)
        {
            SchedulerLog.MissedRun(_logger, job.Name, at);
            StartRun(job, JobTrigger.MissedRun);
        }
    }

    private async Task TryAsync(string step, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            SchedulerLog.StartupFailed(_logger, e, step);
        }
    }
}
