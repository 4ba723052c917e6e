using RegistryOps.Core.Configuration.Yaml;

namespace RegistryOps.Core.Configuration.Secrets;

/// <summary>
/// Reads secrets named by reference at config load: <c>file:PATH</c> (relative to the secrets
/// directory) or <c>credential:NAME</c> (a file in $CREDENTIALS_DIRECTORY, as systemd's
/// LoadCredential= provides). No problem message ever holds the scalar of an inline value or the
/// content of a file: only references and paths.
/// </summary>
internal sealed class SecretResolver(string secretsDirectory, string? credentialsDirectory)
{
    public const string FilePrefix = "file:";
    public const string CredentialPrefix = "credential:";
    public const string Description = "a secret reference (file:PATH or credential:NAME)";

    // Group and other permission bits; any of them set lets another account at the secret.
    private const UnixFileMode NotOwner =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public CustomScalar AsCustomScalar() => new(Description, Resolve);

    public Secret? Resolve(string text, ScalarSite site)
    {
        if (text.StartsWith(FilePrefix, StringComparison.Ordinal))
        {
            return FromFile(text, text[FilePrefix.Length..].Trim(), site);
        }

        if (text.StartsWith(CredentialPrefix, StringComparison.Ordinal))
        {
            return FromCredential(text, text[CredentialPrefix.Length..].Trim(), site);
        }

        site.Error("secrets must be file: or credential: references, never inline values "
            + "(write file:PATH or credential:NAME; the value given here is not shown)");
        return null;
    }

    private Secret? FromFile(string reference, string path, ScalarSite site)
    {
        if (path.Length == 0)
        {
            site.Error("file: secret reference needs a path, e.g. file:registry-password");
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(secretsDirectory, path));
        if (!File.Exists(full))
        {
            var what = Directory.Exists(full) ? "is a directory, not a file" : "does not exist";
            site.Error($"secret file {full} (from {reference}) {what}");
            return null;
        }

        // Windows has no mode bits to check; RegistryOps runs on Linux, this keeps the analyzer honest.
        var mode = OperatingSystem.IsWindows() ? UnixFileMode.None : File.GetUnixFileMode(full);
        if ((mode & NotOwner) != 0)
        {
            site.Error($"secret file {full} (from {reference}) has mode {Octal(mode)}, so group or "
                + $"others can read or change it; refusing it (fix: chmod 600 {full})");
            return null;
        }

        return Read(reference, full, site);
    }

    private Secret? FromCredential(string reference, string name, ScalarSite site)
    {
        if (name.Length == 0 || name is "." or ".." || name.Contains('/'))
        {
            site.Error($"{reference} is not a credential name "
                + "(a plain file name, as in LoadCredential=NAME:PATH)");
            return null;
        }

        if (string.IsNullOrEmpty(credentialsDirectory))
        {
            site.Error($"{reference} needs $CREDENTIALS_DIRECTORY, which systemd sets for "
                + "LoadCredential=; it is not set (run under systemd, or use a file: reference)");
            return null;
        }

        // systemd creates the credentials directory readable by the service alone, so the
        // per-file mode check done for file: references is not repeated here.
        var full = Path.Combine(credentialsDirectory, name);
        if (!File.Exists(full))
        {
            site.Error($"credential '{name}' (from {reference}) is not in $CREDENTIALS_DIRECTORY "
                + $"({credentialsDirectory}); add LoadCredential={name}:PATH to the unit");
            return null;
        }

        return Read(reference, full, site);
    }

    private static Secret? Read(string reference, string full, ScalarSite site)
    {
        string content;
        try
        {
            content = File.ReadAllText(full);
        }
        catch (UnauthorizedAccessException)
        {
            site.Error($"secret file {full} (from {reference}) is not readable: permission denied");
            return null;
        }
        catch (IOException exception)
        {
            site.Error($"secret file {full} (from {reference}) could not be read: {exception.GetType().Name}");
            return null;
        }

        // Files written by editors or `echo` end with one newline that is not part of the secret.
        if (content.EndsWith("\r\n", StringComparison.Ordinal))
        {
            content = content[..^2];
        }
        else if (content.EndsWith('\n'))
        {
            content = content[..^1];
        }

        if (content.Length == 0)
        {
            site.Error($"secret file {full} (from {reference}) is empty");
            return null;
        }

        return new Secret(reference, content);
    }

    private static string Octal(UnixFileMode mode) =>
        "0" + Convert.ToString((int)mode & 0x1FF, 8).PadLeft(3, '0');
}
