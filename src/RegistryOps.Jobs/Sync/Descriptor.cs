namespace RegistryOps.Jobs.Sync;

/// <summary>A content descriptor inside a manifest: what it points at and how big it is.
/// <see cref="Platform"/> is set for the entries of an index (<c>os/arch[/variant]</c>).</summary>
internal sealed record Descriptor(string Digest, string MediaType, long Size, string? Platform = null);
