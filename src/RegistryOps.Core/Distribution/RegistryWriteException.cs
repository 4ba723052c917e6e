using System.Net;

namespace RegistryOps.Core.Distribution;

/// <summary>A write request (upload, mount, manifest put) answered with an unexpected status.</summary>
public sealed class RegistryWriteException(string operation, string repository, HttpStatusCode status, string? detail)
    : Exception($"{operation} in {repository} failed: {(int)status} {status}{(detail is null ? "" : $": {detail}")}")
{
    public string Repository { get; } = repository;

    public HttpStatusCode StatusCode { get; } = status;
}
