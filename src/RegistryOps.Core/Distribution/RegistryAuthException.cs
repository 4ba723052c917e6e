using System.Net;

namespace RegistryOps.Core.Distribution;

/// <summary>401 or 403 after the client answered the registry's challenge (or could not).</summary>
public sealed class RegistryAuthException(
    string message,
    HttpStatusCode? statusCode = null,
    string? method = null,
    string? url = null,
    string? errorCode = null,
    string? errorMessage = null)
    : RegistryException(message, statusCode, method, url, errorCode, errorMessage);
