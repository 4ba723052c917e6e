using System.Security.Cryptography;

namespace RegistryOps.Core.Distribution;

/// <summary>Content digests as the distribution API writes them.</summary>
internal static class Digests
{
    public static string Sha256(ReadOnlySpan<byte> content) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));
}
