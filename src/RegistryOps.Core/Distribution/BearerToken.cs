namespace RegistryOps.Core.Distribution;

/// <summary>A token from a registry's token endpoint and the instant it should be renewed.</summary>
internal sealed record BearerToken(string Value, DateTimeOffset RenewAt);
