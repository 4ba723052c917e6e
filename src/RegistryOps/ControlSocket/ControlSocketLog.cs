using Microsoft.Extensions.Logging;

namespace RegistryOps.ControlSocket;

/// <summary>Log catalogue of the control socket (event ids 700–799).</summary>
internal static partial class ControlSocketLog
{
    [LoggerMessage(700, LogLevel.Debug, "Control socket listening on {SocketPath}")]
    public static partial void Listening(ILogger logger, string socketPath);

    [LoggerMessage(701, LogLevel.Warning,
        "Control socket {SocketPath} could not be opened; status and trigger commands will not work")]
    public static partial void BindFailed(ILogger logger, Exception exception, string socketPath);

    [LoggerMessage(702, LogLevel.Debug, "Control request {Command} {Job}")]
    public static partial void Request(ILogger logger, string command, string? job);

    [LoggerMessage(703, LogLevel.Debug, "Control client dropped: {Reason}")]
    public static partial void ClientDropped(ILogger logger, string reason);
}
