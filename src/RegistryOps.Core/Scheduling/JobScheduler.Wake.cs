using RegistryOps.Core.Configuration;

namespace RegistryOps.Core.Scheduling;

/// <summary>Sleeping until the next run, and being woken early by a reload.</summary>
public sealed partial class JobScheduler
{
    /// <summary>Sleeps until <paramref name="wakeAt"/>, a signal or the stop. The delay is measured
    /// here, just before the timer starts, and the clock is read again once it runs: a clock that
    /// moved on since <see cref="Step"/> read it (a fake clock advanced by a test, a slow host)
    /// would otherwise push the wake-up back by that much.</summary>
    private async Task SleepAsync(
        DateTimeOffset wakeAt,
        TaskCompletionSource signal,
        CancellationToken stoppingToken)
    {
        var sleep = Min(wakeAt - _time.GetUtcNow(), LongestSleep);
        if (sleep <= TimeSpan.Zero)
        {
            return;
        }

        using var cancelSleep = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var timer = Task.Delay(sleep, _time, cancelSleep.Token);
        if (_time.GetUtcNow() < wakeAt)
        {
            await Task.WhenAny(timer, signal.Task);
        }

        await cancelSleep.CancelAsync();
    }

    private void OnConfigChanged(RegistryOpsConfig config)
    {
        lock (_gate)
        {
            _config = config;
            _recompute = true;
        }

        Wake();
    }

    private void Wake() => Volatile.Read(ref _wake).TrySetResult();

    private TaskCompletionSource ResetSignal()
    {
        var fresh = NewSignal();
        Volatile.Write(ref _wake, fresh);
        return fresh;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
