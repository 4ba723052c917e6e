using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace RegistryOps.Hosting;

/// <summary>Log catalogue of the daemon host: start, stop, reload, systemd (event ids 100–199).</summary>
internal static partial class HostLog
{
    [LoggerMessage(100, LogLevel.Information, "RegistryOps {Version} started with {Path}")]
    public static partial void Started(ILogger logger, string version, string path);

    [LoggerMessage(101, LogLevel.Information, "RegistryOps stopping")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(102, LogLevel.Information, "Metrics served on http://{Listen}/metrics")]
    public static partial void MetricsListening(ILogger logger, string listen);

    [LoggerMessage(110, LogLevel.Information, "Reload requested (SIGHUP); reading {Path}")]
    public static partial void ReloadRequested(ILogger logger, string path);

    [LoggerMessage(111, LogLevel.Information, "Configuration reloaded from {Path}")]
    public static partial void Reloaded(ILogger logger, string path);

    [LoggerMessage(112, LogLevel.Error, "Reload rejected: {Problem}")]
    public static partial void ReloadProblem(ILogger logger, string problem);

    [LoggerMessage(113, LogLevel.Error,
        "Reload of {Path} rejected with {Count} problem(s); the previous configuration stays live")]
    public static partial void ReloadRejected(ILogger logger, string path, int count);

    [LoggerMessage(114, LogLevel.Warning, "Configuration warning: {Problem}")]
    public static partial void ReloadWarning(ILogger logger, string problem);

    [LoggerMessage(115, LogLevel.Error,
        "Reload of {Path} failed unexpectedly; the previous configuration stays live")]
    public static partial void ReloadFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(120, LogLevel.Debug, "systemd watchdog enabled: pinging every {Seconds}s")]
    public static partial void WatchdogEnabled(ILogger logger, double seconds);

    [LoggerMessage(121, LogLevel.Warning, "Could not notify systemd ({Notification}): {Error}")]
    public static partial void NotifyFailed(ILogger logger, string notification, SocketError error);

    [LoggerMessage(122, LogLevel.Warning, "Could not describe the daemon status for systemd")]
    public static partial void StatusFailed(ILogger logger, Exception exception);

    [LoggerMessage(150, LogLevel.Information, "Registry {Url} answers")]
    public static partial void RegistryUp(ILogger logger, string url);

    [LoggerMessage(151, LogLevel.Warning, "Registry {Url} does not answer: {Reason}")]
    public static partial void RegistryDown(ILogger logger, string url, string reason);
}
