namespace RegistryOps.IntegrationTests.Infrastructure;

/// <summary>How a test registry is set up. Username and password turn on htpasswd Basic auth,
/// or, with <see cref="TokenAuth"/>, are what the local token endpoint accepts.</summary>
public sealed record RegistryOptions
{
    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>Bearer token auth through a local token endpoint instead of htpasswd.</summary>
    public bool TokenAuth { get; init; }

    /// <summary>Serve https with a server certificate from a private CA
    /// (<see cref="RegistryContainer.CaFile"/>).</summary>
    public bool Tls { get; init; }

    /// <summary>Write the registry's access log to the container output.</summary>
    public bool AccessLog { get; init; }

    /// <summary>Extra YAML appended under the top level of the registry config.</summary>
    public string? ExtraConfig { get; init; }
}
