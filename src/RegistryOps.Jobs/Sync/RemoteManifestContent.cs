namespace RegistryOps.Jobs.Sync;

/// <summary>A manifest's exact bytes (kept unchanged so its digest survives a copy).</summary>
internal sealed record RemoteManifestContent(byte[] Bytes, string MediaType, string Digest);
