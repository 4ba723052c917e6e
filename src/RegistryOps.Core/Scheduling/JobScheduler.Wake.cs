using RegistryOps.Core.Configuration;

namespace RegistryOps.Core.Scheduling;

/// <summary>Sleeping until the next run, and being woken early by a reload.</summary>
public sealed partial class JobScheduler
{
    private async Task SleepAsync(
        TimeSpan sleep,
        TaskCompletionSource signal,
        CancellationToken stoppingToken)
    {
        if (sleep <= TimeSpan.Zero)
        {
            return;
        }

        using var cancelSleep = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var timer = Task.Delay(sleep, _time, cancelSleep.Token);
        await Task.WhenAny(timer, signal.Task);
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
