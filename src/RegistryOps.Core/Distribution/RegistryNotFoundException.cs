using System.Net;

namespace RegistryOps.Core.Distribution;

/// <summary>404: the repository, manifest or blob does not exist.</summary>
public sealed class RegistryNotFoundException(
    string message,
    string? method = null,
    string? url = null,
    string? errorCode = null,
    string? errorMessage = null)
    : RegistryException(message, HttpStatusCode.NotFound, method, url, errorCode, errorMessage);
