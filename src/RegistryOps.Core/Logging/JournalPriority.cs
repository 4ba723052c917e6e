using Serilog.Events;

namespace RegistryOps.Core.Logging;

/// <summary>Serilog levels as syslog priorities (the journal's PRIORITY field).</summary>
public static class JournalPriority
{
    public static int FromLevel(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose or LogEventLevel.Debug => 7,
        LogEventLevel.Information => 6,
        LogEventLevel.Warning => 4,
        LogEventLevel.Error => 3,
        _ => 2,
    };
}
