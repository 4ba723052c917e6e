namespace RegistryOps.IntegrationTests.Infrastructure;

/// <summary>A blob as a manifest refers to it.</summary>
public sealed record BlobRef(string MediaType, string Digest, long Size);

/// <summary>A manifest (image or index) pushed by the tests, with what it refers to.</summary>
public sealed record PushedImage(
    string Repository,
    string Tag,
    string Digest,
    string MediaType,
    byte[] Manifest,
    IReadOnlyList<BlobRef> Layers,
    IReadOnlyList<PushedImage> Children)
{
    public string ShortDigest => Digest[..15] + "…";
}
