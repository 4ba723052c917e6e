using System.Net;
using System.Net.Sockets;

namespace RegistryOps.IntegrationTests.Infrastructure;

public static class FreePort
{
    /// <summary>A loopback TCP port free right now (the OS picks it; a race is possible but rare).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
