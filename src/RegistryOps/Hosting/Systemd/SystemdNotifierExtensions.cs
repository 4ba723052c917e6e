using System.Net.Sockets;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace RegistryOps.Hosting.Systemd;

internal static class SystemdNotifierExtensions
{
    /// <summary>Sends when NOTIFY_SOCKET is set. A lost notification is logged, never thrown:
    /// the service manager going away must not take a running job with it.</summary>
    public static void TryNotify(this ISystemdNotifier notifier, ServiceState state, ILogger logger)
    {
        if (!notifier.IsEnabled)
        {
            return;
        }

        try
        {
            notifier.Notify(state);
        }
        catch (SocketException exception)
        {
            HostLog.NotifyFailed(logger, state.ToString().Split('\n')[0], exception.SocketErrorCode);
        }
    }
}
