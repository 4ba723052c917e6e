namespace RegistryOps.Core.Distribution;

/// <summary>The manifest and blob media types the client asks for and recognises.</summary>
public static class MediaTypes
{
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";

    public const string DockerConfig = "application/vnd.docker.container.image.v1+json";
    public const string DockerLayer = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";
    public const string OciLayer = "application/vnd.oci.image.layer.v1.tar+gzip";

    /// <summary>Every manifest type a HEAD or GET accepts, so the registry never down-converts.</summary>
    public static IReadOnlyList<string> AllManifests { get; } =
        [OciIndex, DockerManifestList, OciManifest, DockerManifest];

    /// <summary>Index or manifest list: a manifest that points at other manifests.</summary>
    public static bool IsIndex(string? mediaType) =>
        mediaType is OciIndex or DockerManifestList;
}
