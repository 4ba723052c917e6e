using System.Diagnostics.Metrics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Notifications;
using RegistryOps.Core.Notifications.Ntfy;
using RegistryOps.Core.Telemetry;
using RegistryOps.IntegrationTests.Infrastructure;

namespace RegistryOps.IntegrationTests.Notifications;

public sealed partial class NtfyNotifierTests
{
    [Fact]
    public async Task Notify_SendsTitlePriorityTagsMarkdownAndToken_WithNonAsciiTitleIntact()
    {
        using var ntfy = new NtfyCapture();
        using var services = Services(new NtfyConfig
        {
            Url = ntfy.BaseUri.AbsoluteUri,
            Topic = "registry-ops",
            Token = new Secret("file:ntfy-token", "tk_secret123"),
        });
        var notifier = services.GetRequiredService<INotifier>();

        await notifier.NotifyAsync(new Notification("régistry.example: 3 changes ✓", "**shop/api**\n- + `v2`",
            NotificationPriority.High, ["package", "whale"]), CancellationToken.None);

        var request = Assert.Single(ntfy.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/registry-ops", request.Path);
        Assert.Equal("régistry.example: 3 changes ✓", DecodeRfc2047(request.Header("Title")!));
        Assert.Equal("4", request.Header("Priority"));
        Assert.Equal("package,whale", request.Header("Tags"));
        Assert.Equal("yes", request.Header("Markdown"));
        Assert.Equal("Bearer tk_secret123", request.Header("Authorization"));
        Assert.Equal("**shop/api**\n- + `v2`", request.Body);
    }

    [Fact]
    public async Task Notify_LongBody_ArrivesCutWithAndNMore()
    {
        using var ntfy = new NtfyCapture();
        using var services = Services(new NtfyConfig { Url = ntfy.BaseUri.AbsoluteUri, Topic = "t" });
        var body = string.Join('\n', Enumerable.Range(1, 400).Select(i => $"- `team/repository-{i}` (2 tags)"));

        var notifier = services.GetRequiredService<INotifier>();
        await notifier.NotifyAsync(new Notification("many", body), CancellationToken.None);

        var request = Assert.Single(ntfy.Requests);
        Assert.True(Encoding.UTF8.GetByteCount(request.Body) <= 4096);
        Assert.Matches(@"\n… and \d+ more$", request.Body);
        Assert.StartsWith("- `team/repository-1` (2 tags)\n", request.Body);
    }

    [Fact]
    public async Task Notify_BelowMinPriority_OrWithoutChannel_SendsNothing()
    {
        using var ntfy = new NtfyCapture();
        using var filtered = Services(new NtfyConfig
        {
            Url = ntfy.BaseUri.AbsoluteUri,
            Topic = "t",
            MinPriority = NotificationPriority.Default,
        });
        using var unconfigured = Services(null);

        await filtered.GetRequiredService<INotifier>().NotifyAsync(
            new Notification("quiet", "x", NotificationPriority.Low), CancellationToken.None);
        await unconfigured.GetRequiredService<INotifier>().NotifyAsync(new Notification("none", "x"),
            CancellationToken.None);

        Assert.Empty(ntfy.Requests);
    }

    [Fact]
    public async Task Notify_ServerErrorOrUnreachable_NeverThrows_AndCountsFailures()
    {
        using var ntfy = new NtfyCapture(status: 500);
        using var refusing = Services(new NtfyConfig { Url = ntfy.BaseUri.AbsoluteUri, Topic = "t" });
        using var unreachable = Services(new NtfyConfig { Url = $"http://127.0.0.1:{FreePort.Next()}", Topic = "t" });
        var failures = 0L;
        using var listener = ListenFor(MetricNames.NotificationsSent, (value, result) =>
        {
            if (result == "error")
            {
                Interlocked.Add(ref failures, value);
            }
        });

        await refusing.GetRequiredService<INotifier>().NotifyAsync(new Notification("a", "b"), CancellationToken.None);
        await unreachable.GetRequiredService<INotifier>().NotifyAsync(new Notification("a", "b"),
            CancellationToken.None);

        Assert.Single(ntfy.Requests);
        Assert.Equal(2, Interlocked.Read(ref failures));
    }

    private static ServiceProvider Services(NtfyConfig? ntfy) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfigProvider>(new StaticConfigProvider(new RegistryOpsConfig
            {
                Notifications = new NotificationsConfig { Ntfy = ntfy },
            }))
            .AddRegistryOpsNotifications()
            .BuildServiceProvider();

    /// <summary>Decodes one RFC 2047 B-encoded word, as ntfy does before showing the title.</summary>
    private static string DecodeRfc2047(string value)
    {
        var match = EncodedWord().Match(value);
        return match.Success ? Encoding.UTF8.GetString(Convert.FromBase64String(match.Groups[1].Value)) : value;
    }

    [GeneratedRegex(@"^=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=$", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();

    private static MeterListener ListenFor(string instrument, Action<long, string?> onMeasurement)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == MetricNames.MeterName && i.Name == instrument)
                {
                    l.EnableMeasurementEvents(i);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? result = null;
            foreach (var tag in tags)
            {
                if (tag.Key == MetricNames.TagResult)
                {
                    result = tag.Value as string;
                }
            }

            onMeasurement(value, result);
        });
        listener.Start();
        return listener;
    }
}
