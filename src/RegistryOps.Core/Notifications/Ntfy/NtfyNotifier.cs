using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Telemetry;

namespace RegistryOps.Core.Notifications.Ntfy;

/// <summary>
/// Publishes notifications to ntfy: POST {url}/{topic} with Title, Priority, Tags and Markdown
/// headers and a Bearer token when configured. Reads the channel from the live config at each
/// send, so a reload takes effect at once. Never throws for a delivery failure: it is logged once
/// and counted (registryops_notifications_sent_total{channel="ntfy",result="error"}).
/// </summary>
public sealed class NtfyNotifier(
    IConfigProvider config,
    IHttpClientFactory httpClients,
    RegistryOpsMetrics metrics,
    ILogger<NtfyNotifier> logger) : INotifier
{
    public const string HttpClientName = "ntfy";
    private const string Channel = "ntfy";

    public async Task NotifyAsync(Notification notification, CancellationToken cancellationToken)
    {
        var ntfy = config.Current.Notifications.Ntfy;
        if (ntfy is null || string.IsNullOrWhiteSpace(ntfy.Url) || string.IsNullOrWhiteSpace(ntfy.Topic))
        {
            return;
        }

        if (notification.Priority < ntfy.MinPriority)
        {
            NotificationsLog.BelowMinPriority(logger, notification.Title, notification.Priority, ntfy.MinPriority);
            return;
        }

        var server = new Uri(ntfy.Url).GetLeftPart(UriPartial.Authority);
        try
        {
            using var request = BuildRequest(ntfy, notification);
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                metrics.RecordNotification(Channel, ok: true);
                NotificationsLog.NtfySent(logger, notification.Title, server);
                return;
            }

            metrics.RecordNotification(Channel, ok: false);
            NotificationsLog.NtfyRefused(logger, server, notification.Title, (int)response.StatusCode,
                response.ReasonPhrase);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown or the runner's notify budget: not a channel failure.
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or UriFormatException)
        {
            metrics.RecordNotification(Channel, ok: false);
            var reason = e is OperationCanceledException ? "timed out" : e.InnerException?.Message ?? e.Message;
            NotificationsLog.NtfyUnreachable(logger, server, notification.Title, reason);
        }
    }

    /// <summary>The request ntfy gets for a notification (public for tests and the demo).</summary>
    public static HttpRequestMessage BuildRequest(NtfyConfig ntfy, Notification notification)
    {
        var url = ntfy.Url.TrimEnd('/') + "/" + Uri.EscapeDataString(ntfy.Topic);
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(NtfyMessage.Fit(notification.Body), Encoding.UTF8, "text/markdown"),
        };
        request.Headers.TryAddWithoutValidation("Title", NtfyMessage.EncodeHeader(notification.Title));
        request.Headers.TryAddWithoutValidation("Priority",
            ((int)notification.Priority).ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("Markdown", "yes");
        if (notification.Tags is { Count: > 0 } tags)
        {
            request.Headers.TryAddWithoutValidation("Tags", NtfyMessage.EncodeHeader(string.Join(",", tags)));
        }

        if (ntfy.Token is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Reveal());
        }

        return request;
    }
}
