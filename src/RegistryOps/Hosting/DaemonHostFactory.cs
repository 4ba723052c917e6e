using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Telemetry;

namespace RegistryOps.Hosting;

/// <summary>
/// Builds the daemon's host. With metrics enabled it is a slim WebApplication whose Kestrel
/// listens only on <c>metrics.listen</c> and serves GET /metrics and GET /healthz; with metrics
/// disabled it is a plain generic host and no port is opened at all. /healthz answers 200 "ok"
/// while the daemon runs and 503 "stopping" once a stop has begun.
/// </summary>
internal static class DaemonHostFactory
{
    public static IHost Create(ConfigProvider config, Serilog.ILogger logger)
    {
        var metrics = config.Current.Metrics;
        if (!metrics.Enabled)
        {
            var plain = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            {
                Args = [],
                ContentRootPath = AppContext.BaseDirectory,
            });
            plain.AddRegistryOpsDaemon(config, logger);
            return plain.Build();
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Listen only where the config says. metrics.listen needs a restart to change.
        builder.WebHost.ConfigureKestrel(kestrel => ListenAddress.Apply(kestrel, metrics.Listen));
        builder.AddRegistryOpsDaemon(config, logger);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
                resource.AddService("registryops", serviceVersion: VersionInfo.Informational))
            .WithMetrics(meters => meters
            .AddMeter(MetricNames.MeterName)
            .AddPrometheusExporter());

        var app = builder.Build();
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapGet("/healthz", (IHostApplicationLifetime lifetime) =>
            lifetime.ApplicationStopping.IsCancellationRequested
                ? Results.Text("stopping\n", statusCode: StatusCodes.Status503ServiceUnavailable)
                : Results.Text("ok\n"));
        return app;
    }
}
