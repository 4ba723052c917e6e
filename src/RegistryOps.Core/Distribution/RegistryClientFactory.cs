using Microsoft.Extensions.Logging;

namespace RegistryOps.Core.Distribution;

/// <summary>Makes one <see cref="RegistryClient"/> per endpoint with the host's logging and clock.
/// A job creates its client per run, from the config snapshot of that run.</summary>
public sealed class RegistryClientFactory(ILoggerFactory loggerFactory, TimeProvider timeProvider)
{
    public RegistryClient Create(RegistryEndpoint endpoint) =>
        new(endpoint, loggerFactory.CreateLogger<RegistryClient>(), timeProvider);
}
