namespace RegistryOps.Jobs.Sync;

/// <summary>
/// A registry host and repository, with a tag when it names one image. Docker Hub is written
/// <c>docker.io</c> by people and reached at <c>registry-1.docker.io</c>; single-name Hub
/// repositories live under <c>library/</c>.
/// </summary>
internal sealed record ImageReference(string Registry, string Repository, string? Tag = null)
{
    public bool IsDockerHub => Config.RegistryNames.IsDockerHub(Registry);

    public ImageReference WithTag(string tag) => this with { Tag = tag };

    public ImageReference WithRepository(string repository) => this with { Repository = repository };

    /// <summary>Parses <c>host[:port]/path[:tag]</c> or a Hub short name such as
    /// <c>alpine:3.20</c>; the first component is a host only when it has a dot or a port or is
    /// <c>localhost</c>, as docker decides.</summary>
    public static ImageReference Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);

        var (registry, path) = Config.RegistryNames.Split(text);
        var at = path.IndexOf('@');
        if (at > 0)
        {
            // repo@sha256:...: the digest stands where a tag would (HEAD, GET and PUT take either).
            return new ImageReference(registry, path[..at], path[(at + 1)..]);
        }

        string? tag = null;
        var colon = path.LastIndexOf(':');
        if (colon > path.LastIndexOf('/'))
        {
            tag = path[(colon + 1)..];
            path = path[..colon];
        }

        return new ImageReference(registry, path, tag);
    }

    /// <summary>A whole registry (type registry entries), optionally with a repository prefix:
    /// <c>host[:port][/prefix]</c>.</summary>
    public static ImageReference ParseRegistry(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);

        var slash = text.IndexOf('/');
        return slash < 0 ? new ImageReference(text, "") : new ImageReference(text[..slash], text[(slash + 1)..]);
    }

    /// <summary>The source or target of an entry of <paramref name="kind"/>: a whole registry for
    /// registry entries, an image or repository reference otherwise.</summary>
    public static ImageReference ParseFor(SyncKind kind, string text) =>
        kind == SyncKind.Registry ? ParseRegistry(text) : Parse(text);

    public override string ToString() =>
        (Repository.Length == 0 ? Registry : $"{Registry}/{Repository}")
        + (Tag is null ? "" : Tag.Contains(':') ? $"@{Tag}" : $":{Tag}");
}
