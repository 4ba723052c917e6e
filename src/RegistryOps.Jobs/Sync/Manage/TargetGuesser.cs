using RegistryOps.Jobs.Sync.Config;

namespace RegistryOps.Jobs.Sync.Manage;

/// <summary>
/// Names the target of a new sync entry the way manage_regsync.sh did. Docker Hub images keep their
/// path (<c>docker.io/library/x</c> → <c>REGISTRY/library/x</c>, <c>docker.io/org/x</c> →
/// <c>REGISTRY/org/x</c>; a bare <c>nginx</c> is <c>docker.io/library/nginx</c>); images of any
/// other registry (ghcr.io, lscr.io, quay.io, gcr.io …) are placed under that registry's name
/// (<c>ghcr.io/p</c> → <c>REGISTRY/ghcr.io/p</c>). A tag or digest is carried over.
/// </summary>
public static class TargetGuesser
{
    /// <summary>The source as it is written into the file: Docker Hub short names spelt out.</summary>
    public static string NormalizeSource(string source)
    {
        var (registry, path) = RegistryNames.Split(source.Trim());
        return $"{registry}/{path}";
    }

    /// <param name="source">The source reference as the operator typed it.</param>
    /// <param name="registry">host[:port] of the registry RegistryOps looks after.</param>
    public static string Guess(string source, string registry)
    {
        var (sourceRegistry, path) = RegistryNames.Split(source.Trim());
        var host = registry.TrimEnd('/');
        return RegistryNames.IsDockerHub(sourceRegistry)
            ? $"{host}/{path}"
            : $"{host}/{sourceRegistry}/{path}";
    }
}
