using Microsoft.Extensions.Logging;

namespace RegistryOps.Core.State;

/// <summary>Log events of the state store (event ids 1100-1199).</summary>
internal static partial class StateLog
{
    [LoggerMessage(1100, LogLevel.Debug, "State store opened at {Path} (schema version {Version})")]
    public static partial void Opened(ILogger logger, string path, int version);

    [LoggerMessage(1101, LogLevel.Information, "State schema migrated to version {Version}: {Description}")]
    public static partial void Migrated(ILogger logger, int version, string description);

    [LoggerMessage(1102, LogLevel.Warning,
        "Run {RunId} of {Job} started at {StartedAt} by process {Pid} did not finish; marked abandoned")]
    public static partial void Abandoned(ILogger logger, string runId, string job, DateTimeOffset startedAt, long pid);
}
