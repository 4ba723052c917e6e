namespace RegistryOps.Core.Distribution;

/// <summary>
/// Sends one request to a registry with authentication for <paramref name="scope"/> (e.g.
/// <c>repository:library/alpine:pull,push</c>). The request is sent once when its body is a
/// stream; a retry would need the body again.
/// </summary>
internal delegate Task<HttpResponseMessage> RegistrySend(
    HttpRequestMessage request,
    string scope,
    CancellationToken cancellationToken);
