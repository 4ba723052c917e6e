using System.Globalization;
using System.Net;

namespace RegistryOps.Core.Configuration.Validation;

/// <summary>The <c>metrics</c> section.</summary>
internal static class MetricsValidator
{
    public static void Validate(MetricsConfig metrics, ValidationContext context)
    {
        if (!TryParseListen(metrics.Listen, out var host))
        {
            context.Error("metrics.listen", "expected host:port (e.g. 127.0.0.1:9464 or [::1]:9464), "
                + $"found '{metrics.Listen}'");
            return;
        }

        if (metrics.Enabled && !UrlRules.IsLoopbackHost(host))
        {
            context.Warning("metrics.listen", $"metrics are served on {host}, reachable from other hosts; "
                + "the endpoint has no authentication");
        }
    }

    /// <summary>host:port with an IPv4 address, a host name, or an IPv6 address in brackets,
    /// and a port from 1 to 65535.</summary>
    public static bool TryParseListen(string listen, out string host)
    {
        host = "";
        var colon = listen.LastIndexOf(':');
        if (colon <= 0 || colon == listen.Length - 1)
        {
            return false;
        }

        host = listen[..colon];
        var port = listen[(colon + 1)..];
        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number is < 1 or > 65535)
        {
            return false;
        }

        if (host.StartsWith('['))
        {
            return host.EndsWith(']') && IPAddress.TryParse(host[1..^1], out _);
        }

        return IPAddress.TryParse(host, out _) || Uri.CheckHostName(host) == UriHostNameType.Dns;
    }
}
