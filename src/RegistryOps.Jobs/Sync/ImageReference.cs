namespace RegistryOps.Jobs.Sync;

/// <summary>
/// A registry host and repository, with a tag when it names one image. Docker Hub is written
/// <c>docker.io</c> by people and reached at <c>registry-1.docker.io</c>; single-name Hub
/// repositories live under <c>library/</c>.
/// </summary>
internal sealed record ImageReference(string Registry, string Repository, string? Tag = null)
{
    public const string DockerHub = "docker.io";

    public bool IsDockerHub => Config.RegistryNames.IsDockerHub(Registry);

    public ImageReference WithTag(string tag) => this with { Tag = tag };

    public ImageReference WithRepository(string repository) => this with { Repository = repository };

    /// <summary>Parses <c>host[:port]/path[:tag]</c>, a bare registry host (type registry), or a
    /// Hub short name such as <c>alpine:3.20</c>.</summary>
    public static ImageReference Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);

        var slash = text.IndexOf('/');
        var first = slash < 0 ? text : text[..slash];
        var hasHost = first.Contains('.') || first.Contains(':') || first == "localhost";

        if (slash < 0 && hasHost && !LooksLikeTagged(text))
        {
            return new ImageReference(first, "");
        }

        var registry = hasHost && slash >= 0 ? first : DockerHub;
        var path = hasHost && slash >= 0 ? text[(slash + 1)..] : text;

        string? tag = null;
        var colon = path.LastIndexOf(':');
        if (colon > path.LastIndexOf('/'))
        {
            tag = path[(colon + 1)..];
            path = path[..colon];
        }

        if (registry == DockerHub && !path.Contains('/'))
        {
            path = "library/" + path;
        }

        return new ImageReference(registry, path, tag);
    }

    public override string ToString() =>
        (Repository.Length == 0 ? Registry : $"{Registry}/{Repository}") + (Tag is null ? "" : $":{Tag}");

    private static bool LooksLikeTagged(string text)
    {
        // "alpine:3.20" has a colon but no dot before it; "host:5000" is a port.
        var colon = text.IndexOf(':');
        return colon > 0 && !text[..colon].Contains('.') && text[..colon] != "localhost"
            && !text[(colon + 1)..].All(char.IsAsciiDigit);
    }
}
