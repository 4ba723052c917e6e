namespace RegistryOps.Core.Distribution;

/// <summary>A manifest as fetched: its exact bytes, media type, and the digest computed from the
/// bytes (and checked against what the registry said).</summary>
public sealed record ManifestData(byte[] Content, string MediaType, string Digest)
{
    public long Size => Content.LongLength;
}
