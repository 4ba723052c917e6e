using System.Net;

namespace RegistryOps.Core.Distribution;

/// <summary>
/// A registry request that did not give what was asked. Carries the status, the method, the URL
/// (never with credentials) and the registry's own error code and message when it sent them.
/// </summary>
public class RegistryException : Exception
{
    public RegistryException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public RegistryException(
        string message,
        HttpStatusCode? statusCode,
        string? method,
        string? url,
        string? errorCode = null,
        string? errorMessage = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Method = method;
        Url = url;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
    }

    public HttpStatusCode? StatusCode { get; }

    public string? Method { get; }

    /// <summary>The request URL without user info.</summary>
    public string? Url { get; }

    /// <summary>The first code of the registry's JSON errors body, e.g. NAME_UNKNOWN.</summary>
    public string? ErrorCode { get; }

    public string? ErrorMessage { get; }
}
