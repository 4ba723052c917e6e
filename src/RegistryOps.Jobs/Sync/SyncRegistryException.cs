namespace RegistryOps.Jobs.Sync;

/// <summary>A registry request failed: unreachable, refused, or answered with an error status.</summary>
internal sealed class SyncRegistryException(string message, int? statusCode = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>HTTP status, or null when no answer came (connection, TLS, timeout).</summary>
    public int? StatusCode { get; } = statusCode;
}
