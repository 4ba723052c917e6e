namespace RegistryOps.IntegrationTests.Infrastructure;

/// <summary>One entry of a registry token's <c>access</c> claim.</summary>
public sealed record TokenAccess(string Type, string Name, IReadOnlyList<string> Actions);
