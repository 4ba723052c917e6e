using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RegistryOps.Commands;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Jobs;

namespace RegistryOps.Hosting;

/// <summary>Runs the daemon from start to stop and turns how it ended into an exit code.</summary>
internal static class Daemon
{
    public static async Task<int> RunAsync(string configPath, LogTarget logTarget, TextWriter error)
    {
        ConfigProvider config;
        try
        {
            config = new ConfigProvider(configPath);
        }
        catch (ConfigException exception)
        {
            // Refuse to start: every problem, file:line:column, on standard error (the journal
            // under systemd), and an exit code the unit does not restart on.
            ConfigProblemPrinter.Print(exception.Problems, error);
            error.WriteLine($"registryops: not starting, {configPath} has errors");
            return ExitCodes.InvalidConfigOrUsage;
        }

        await using var logger = DaemonLogging.Create(logTarget);
        try
        {
            using var host = DaemonHostFactory.Create(config, logger);
            var log = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("RegistryOps.Daemon");
            foreach (var warning in config.Warnings)
            {
                HostLog.ReloadWarning(log, warning.ToString());
            }

            await host.StartAsync();
            HostLog.Started(log, VersionInfo.Informational, config.Current.SourcePath);
            if (config.Current.Metrics.Enabled)
            {
                HostLog.MetricsListening(log, config.Current.Metrics.Listen);
            }

            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            using var onStopping = lifetime.ApplicationStopping.Register(() => HostLog.Stopping(log));

            await host.WaitForShutdownAsync();
            return ExitCodes.Ok;
        }
        catch (Exception exception) when (ExpectedFailure.Is(exception))
        {
            // A state directory that cannot be written, a full disk, a port in use: the message
            // names what and where; a stack trace would only hide it.
            logger.Fatal("RegistryOps cannot run: {Reason}", exception.Message);
            return ExitCodes.InternalError;
        }
        catch (Exception exception)
        {
            logger.Fatal(exception, "RegistryOps stopped on an unexpected error");
            return ExitCodes.InternalError;
        }
    }
}
