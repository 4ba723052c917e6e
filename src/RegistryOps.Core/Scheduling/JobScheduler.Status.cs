namespace RegistryOps.Core.Scheduling;

public sealed partial class JobScheduler
{
    /// <summary>The runs going now and the next run of each scheduled job.</summary>
    public SchedulerStatus Status()
    {
        lock (_gate)
        {
            return new SchedulerStatus(
                _runs.Keys.Order(StringComparer.Ordinal).ToList(),
                _next.Select(n => new ScheduledRun(n.Key, n.Value))
                    .OrderBy(n => n.At).ThenBy(n => n.Job, StringComparer.Ordinal).ToList(),
                _config.TimeZone,
                _time.GetUtcNow());
        }
    }

    /// <summary>One line for systemd's STATUS=, e.g. "idle; next: changes at 14:15".</summary>
    public string Describe() => Status().Describe();

    // One publisher at a time, so a listener never sees an older line after a newer one.
    private void PublishStatus()
    {
        lock (_publishGate)
        {
            var text = Describe();
            if (text == _lastDescription)
            {
                return;
            }

            _lastDescription = text;
            try
            {
                StatusChanged?.Invoke(text);
            }
            catch (Exception e)
            {
                SchedulerLog.StatusListenerFailed(_logger, e);
            }
        }
    }
}
