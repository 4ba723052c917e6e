using Serilog;
using Serilog.Configuration;
using Serilog.Events;

namespace RegistryOps.Core.Logging;

public static class JournaldLoggerConfigurationExtensions
{
    /// <summary>Sends events to journald's native socket (see <see cref="JournaldSink"/>).</summary>
    public static LoggerConfiguration Journald(
        this LoggerSinkConfiguration sinkConfiguration,
        string socketPath = JournaldSink.DefaultSocketPath,
        string identifier = "registryops",
        LogEventLevel restrictedToMinimumLevel = LogEventLevel.Verbose)
    {
        return sinkConfiguration.Sink(new JournaldSink(socketPath, identifier), restrictedToMinimumLevel);
    }
}
