namespace RegistryOps.Jobs.Sync.Config;

/// <summary>The built-in defaults regsync applies, in one place.</summary>
public static class RegsyncDefaults
{
    /// <summary>regsync never waits less than this before re-checking a rate limit.</summary>
    public static readonly TimeSpan RateLimitRetryMin = TimeSpan.FromMinutes(5);

    /// <summary>Copies at once when <c>defaults.parallel</c> is not set.</summary>
    public const int Parallel = 1;

    public static readonly IReadOnlyList<string> MediaTypes =
    [
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.oci.image.index.v1+json",
    ];
}
