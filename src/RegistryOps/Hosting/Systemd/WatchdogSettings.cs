using System.Globalization;

namespace RegistryOps.Hosting.Systemd;

/// <summary>Reads systemd's watchdog request (sd_watchdog_enabled(3) semantics).</summary>
internal static class WatchdogSettings
{
    /// <summary>
    /// The ping interval, half of WATCHDOG_USEC as systemd recommends, or null when no watchdog
    /// is asked for or the request is meant for another process (WATCHDOG_PID differs).
    /// </summary>
    public static TimeSpan? PingInterval(string? watchdogUsec, string? watchdogPid, int processId)
    {
        if (!long.TryParse(watchdogUsec, NumberStyles.None, CultureInfo.InvariantCulture, out var usec)
            || usec <= 0)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(watchdogPid)
            && (!int.TryParse(watchdogPid, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                || pid != processId))
        {
            return null;
        }

        return TimeSpan.FromMicroseconds(usec / 2.0);
    }

    public static TimeSpan? FromEnvironment() => PingInterval(
        Environment.GetEnvironmentVariable("WATCHDOG_USEC"),
        Environment.GetEnvironmentVariable("WATCHDOG_PID"),
        Environment.ProcessId);
}
