namespace RegistryOps.Jobs.Sync.Config;

/// <summary>Docker Hub naming rules shared by the reader, the engine and the entry commands.</summary>
public static class RegistryNames
{
    /// <summary>The registry name Docker Hub has in image references.</summary>
    public const string DockerHub = "docker.io";

    /// <summary>The host that serves Docker Hub's distribution API.</summary>
    public const string DockerHubApiHost = "registry-1.docker.io";

    /// <summary>Host for API calls to a registry named in a reference.</summary>
    public static string ApiHost(string registry) =>
        IsDockerHub(registry) ? DockerHubApiHost : registry;

    public static bool IsDockerHub(string registry) =>
        registry is DockerHub or "index.docker.io" or DockerHubApiHost;

    /// <summary>
    /// Splits a reference into registry and the rest, as docker does: the first path component is a
    /// registry only when it holds a dot or a colon or is <c>localhost</c>; otherwise the registry
    /// is Docker Hub, and a single-component Hub name gets the <c>library/</c> prefix.
    /// </summary>
    public static (string Registry, string Path) Split(string reference)
    {
        var slash = reference.IndexOf('/');
        if (slash > 0)
        {
            var first = reference[..slash];
            if (first.Contains('.') || first.Contains(':') || first == "localhost")
            {
                var rest = reference[(slash + 1)..];
                return IsDockerHub(first) ? (DockerHub, HubPath(rest)) : (first, rest);
            }
        }

        return (DockerHub, HubPath(reference));
    }

    private static string HubPath(string path) => path.Contains('/') ? path : "library/" + path;
}
