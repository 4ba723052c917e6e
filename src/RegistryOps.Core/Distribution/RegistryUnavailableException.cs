namespace RegistryOps.Core.Distribution;

/// <summary>The registry could not be reached: connection refused, DNS failure, TLS failure or
/// no answer within the timeout. The message names host and port.</summary>
public sealed class RegistryUnavailableException(
    string message,
    string? method,
    string? url,
    Exception? inner)
    : RegistryException(message, null, method, url, innerException: inner);
