using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace RegistryOps.Hosting;

/// <summary>Binds Kestrel to the <c>metrics.listen</c> value: <c>127.0.0.1:9464</c>,
/// <c>[::1]:9464</c> or <c>localhost:9464</c>.</summary>
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
        if (colon > 0
            && listen[..colon].Equals("localhost", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(listen[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture,
                out var port))
        {
            kestrel.ListenLocalhost(port);
            return;
        }

        throw new FormatException($"metrics.listen '{listen}' is not ADDRESS:PORT");
    }
}
