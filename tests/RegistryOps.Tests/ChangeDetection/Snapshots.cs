using RegistryOps.Jobs.ChangeDetection;

namespace RegistryOps.Tests.ChangeDetection;

/// <summary>Builds snapshots from "repo:tag=digest" lines.</summary>
internal static class Snapshots
{
    public static readonly DateTimeOffset Noon = new(2026, 3, 29, 12, 0, 0, TimeSpan.Zero);

    public static RegistrySnapshot Of(params string[] entries)
    {
        var repositories = new Dictionary<string, Dictionary<string, string>>();
        foreach (var entry in entries)
        {
            var (reference, digest) = (entry[..entry.IndexOf('=')], entry[(entry.IndexOf('=') + 1)..]);
            var colon = reference.LastIndexOf(':');
            var repository = reference[..colon];
            if (!repositories.TryGetValue(repository, out var tags))
            {
                repositories[repository] = tags = [];
            }

            tags[reference[(colon + 1)..]] = Digest(digest);
        }

        return new RegistrySnapshot(Noon,
            repositories.ToDictionary(r => r.Key, r => (IReadOnlyDictionary<string, string>)r.Value));
    }

    /// <summary>A sha256 digest made of one repeated hex character pattern, e.g. "a1" → a1a1….</summary>
    public static string Digest(string seed) =>
        "sha256:" + string.Concat(Enumerable.Repeat(seed, 64 / seed.Length + 1))[..64];
}
