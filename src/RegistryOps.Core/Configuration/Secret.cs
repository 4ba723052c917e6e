namespace RegistryOps.Core.Configuration;

/// <summary>
/// A secret read from a file or a systemd credential at config load. Its value is reachable only
/// through <see cref="Reveal"/>; <see cref="ToString"/> gives the reference, never the value, so
/// a secret that slips into a log template or an exception message stays hidden.
/// </summary>
public sealed class Secret
{
    private readonly string _value;

    public Secret(string reference, string value)
    {
        Reference = reference;
        _value = value;
    }

    /// <summary>Where it came from, e.g. <c>file:ntfy-token</c> or <c>credential:registry</c>.</summary>
    public string Reference { get; }

    public string Reveal() => _value;

    public override string ToString() => $"<secret {Reference}>";
}
