namespace RegistryOps.Jobs.Sync.Config;

/// <summary>The <c>tls</c> setting of a regsync <c>creds</c> entry.</summary>
public enum RegsyncTls
{
    /// <summary>https with certificate verification (regsync's default).</summary>
    Enabled,

    /// <summary>https without certificate verification.</summary>
    Insecure,

    /// <summary>plain http.</summary>
    Disabled,
}
