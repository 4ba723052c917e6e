using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using RegistryOps.Core.Distribution;

namespace RegistryOps.Core.Jobs;

/// <summary>
/// Failures that come from the world, not from a bug: a registry that refuses or answers an
/// error, a network that drops, a disk that is full or read-only. Their message already says what
/// and where, so they are logged as one line; a stack trace would only bury it. Anything else is
/// a bug in RegistryOps and keeps its stack trace.
/// </summary>
public static class ExpectedFailure
{
    public static bool Is(Exception exception) => exception is RegistryException
        or HttpRequestException
        or SocketException
        or IOException
        or UnauthorizedAccessException
        or TimeoutException
        or SqliteException;

    /// <summary>The exception to attach to a log event: none for an expected failure.</summary>
    public static Exception? ForLog(Exception? exception) =>
        exception is not null && Is(exception) ? null : exception;
}
