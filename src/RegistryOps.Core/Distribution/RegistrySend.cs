namespace RegistryOps.Core.Distribution;

/// <summary>
/// Sends one logical request with authentication for <paramref name="scope"/>, building a fresh
/// message per attempt (the shape of <see cref="RegistryClient"/>'s SendAsync).
/// </summary>
internal delegate Task<HttpResponseMessage> RegistrySend(
    Func<HttpRequestMessage> build,
    string scope,
    CancellationToken cancellationToken,
    HttpCompletionOption completion);
