using Microsoft.Extensions.Logging;
using RegistryOps.Core.Jobs;

namespace RegistryOps.Core.Coordination;

/// <summary>Log events of the registry lock (event ids 1200-1299).</summary>
internal static partial class CoordinationLog
{
    [LoggerMessage(1200, LogLevel.Information, "{Holder} waits for the registry {Access} lock held by {HeldBy}")]
    public static partial void Waiting(ILogger logger, string holder, RegistryAccess access, string heldBy);

    [LoggerMessage(1201, LogLevel.Debug, "{Holder} took the registry {Access} lock after {WaitSeconds:0.###}s")]
    public static partial void Acquired(ILogger logger, string holder, RegistryAccess access, double waitSeconds);

    [LoggerMessage(1202, LogLevel.Debug, "{Holder} released the registry {Access} lock")]
    public static partial void Released(ILogger logger, string holder, RegistryAccess access);

    [LoggerMessage(1203, LogLevel.Debug, "{Holder} gave up waiting for the registry {Access} lock: {Reason}")]
    public static partial void GaveUp(ILogger logger, string holder, RegistryAccess access, string reason);

    [LoggerMessage(1204, LogLevel.Information,
        "Registry lock file {Path} is held by another process ({HeldBy}); {Holder} waits for it")]
    public static partial void FileLockBusy(ILogger logger, string path, string heldBy, string holder);
}
