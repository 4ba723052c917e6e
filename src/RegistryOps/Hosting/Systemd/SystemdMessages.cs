using System.Globalization;
using Microsoft.Extensions.Hosting.Systemd;

namespace RegistryOps.Hosting.Systemd;

/// <summary>The sd_notify lines the daemon sends, in one place.</summary>
internal static class SystemdMessages
{
    public static ServiceState Ready { get; } = new("READY=1");

    public static ServiceState Stopping { get; } = new("STOPPING=1");

    public static ServiceState Watchdog { get; } = new("WATCHDOG=1");

    /// <summary>Reload start; systemd (notify-reload) matches the timestamp against its own.</summary>
    public static ServiceState Reloading(long monotonicMicroseconds) =>
        new($"RELOADING=1\nMONOTONIC_USEC={monotonicMicroseconds.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>A one-line status for <c>systemctl status</c>; newlines would end the field.</summary>
    public static ServiceState Status(string text) =>
        new("STATUS=" + text.ReplaceLineEndings(" "));
}
