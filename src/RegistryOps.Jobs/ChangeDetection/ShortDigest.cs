namespace RegistryOps.Jobs.ChangeDetection;

/// <summary>Digests as people read them: <c>sha256:1a2b3c4d…</c> (algorithm and 8 hex digits).</summary>
public static class ShortDigest
{
    public static string Of(string digest)
    {
        var colon = digest.IndexOf(':');
        var hex = colon < 0 ? digest : digest[(colon + 1)..];
        var algorithm = colon < 0 ? "" : digest[..(colon + 1)];
        return hex.Length <= 8 ? digest : algorithm + hex[..8] + "…";
    }
}
