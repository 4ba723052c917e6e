using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace RegistryOps.Hosting;

/// <summary>Binds Kestrel to the <c>metrics.listen</c> value: <c>127.0.0.1:9464</c>,
/// <c>[::1]:9464</c>, <c>localhost:9464</c>, or a host name, bound on each of its addresses.</summary>
internal static class ListenAddress
{
    public static void Apply(KestrelServerOptions kestrel, string listen)
    {
        if (IPEndPoint.TryParse(listen, out var endPoint) && endPoint.Port != 0)
        {
            kestrel.Listen(endPoint);
            return;
        }

        var colon = listen.LastIndexOf(':');
        if (colon <= 0
            || !int.TryParse(listen[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            throw new FormatException($"metrics.listen '{listen}' is not HOST:PORT");
        }

        var host = listen[..colon];
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(port);
            return;
        }

        // The name is resolved once, at start; the validator already accepted its form.
        foreach (var address in Dns.GetHostAddresses(host))
        {
            kestrel.Listen(address, port);
        }
    }
}
