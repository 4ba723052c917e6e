namespace RegistryOps.Core.Distribution;

/// <summary>
/// The bytes read from a source did not hash to the digest they were fetched under. The upload
/// that carried them was cancelled before its commit, so nothing of them is visible in the target.
/// </summary>
public sealed class DigestMismatchException(string repository, string expected, string actual)
    : Exception($"digest mismatch in {repository}: expected {expected}, got {actual}; upload not committed")
{
    public string Repository { get; } = repository;

    public string Expected { get; } = expected;

    public string Actual { get; } = actual;
}
