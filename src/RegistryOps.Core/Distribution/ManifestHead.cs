namespace RegistryOps.Core.Distribution;

/// <summary>What a HEAD of a manifest tells: its digest, media type and size in bytes.</summary>
public sealed record ManifestHead(string Digest, string MediaType, long Size);
