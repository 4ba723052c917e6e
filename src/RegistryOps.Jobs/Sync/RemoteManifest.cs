namespace RegistryOps.Jobs.Sync;

/// <summary>What a manifest HEAD tells: its digest, media type and size.</summary>
internal sealed record RemoteManifest(string Digest, string MediaType, long Size);
