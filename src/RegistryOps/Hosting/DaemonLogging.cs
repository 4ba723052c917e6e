using RegistryOps.Commands;
using RegistryOps.Core.Logging;
using Serilog;
using Serilog.Events;

namespace RegistryOps.Hosting;

/// <summary>Serilog for every command: journald under systemd, standard error otherwise.</summary>
internal static class DaemonLogging
{
    /// <summary>Overrides journald's socket path (tests point it at their own socket).</summary>
    public const string JournalSocketVariable = "REGISTRYOPS_JOURNAL_SOCKET";

    /// <summary>Lowers or raises RegistryOps' own minimum level (Verbose, Debug, Information,
    /// Warning, Error, Fatal); default Information. Microsoft.* and System.* stay at Warning.</summary>
    public const string LevelVariable = "REGISTRYOPS_LOG_LEVEL";

    private const string ConsoleTemplate = "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}";

    public static Serilog.Core.Logger Create(LogTarget target)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(MinimumLevel())
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("System", LogEventLevel.Warning)
            .Enrich.FromLogContext();

        if (UsesJournal(target))
        {
            var socket = Environment.GetEnvironmentVariable(JournalSocketVariable);
            configuration.WriteTo.Journald(
                string.IsNullOrEmpty(socket) ? JournaldSink.DefaultSocketPath : socket);
        }
        else
        {
            // Standard error, so that a command's own output on standard out stays clean.
            configuration.WriteTo.Console(
                outputTemplate: ConsoleTemplate,
                standardErrorFromLevel: LogEventLevel.Verbose,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }

        return configuration.CreateLogger();
    }

    private static LogEventLevel MinimumLevel() =>
        Enum.TryParse<LogEventLevel>(Environment.GetEnvironmentVariable(LevelVariable), true, out var level)
            ? level
            : LogEventLevel.Information;

    public static bool UsesJournal(LogTarget target) => target switch
    {
        LogTarget.Journald => true,
        LogTarget.Console => false,
        _ => JournalStream.IsConnected(),
    };
}
