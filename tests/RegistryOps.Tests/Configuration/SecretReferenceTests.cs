using RegistryOps.Core.Configuration;

namespace RegistryOps.Tests.Configuration;

public sealed class SecretReferenceTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly TempConfigDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void FileReference_ReadsTheFileAndDropsOneTrailingNewline()
    {
        _dir.Write("registry-password", "s3cret value\n\n");
        var path = _dir.WriteConfig("registry:", "  username: ops", "  password: file:registry-password");

        var result = ConfigLoader.Load(path);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var secret = result.Config!.Registry.Password!;
        Assert.Equal("s3cret value\n", secret.Reveal());
        Assert.Equal("file:registry-password", secret.Reference);
        Assert.DoesNotContain("s3cret", secret.ToString());
    }

    [Fact]
    public void FileReference_RelativePathResolvesAgainstPathsSecrets_EvenWhenWrittenLater()
    {
        _dir.Write("secrets/ntfy-token", "tk_123");
        var path = _dir.WriteConfig(
            "notifications:",
            "  ntfy:",
            "    url: https://ntfy.example.com",
            "    topic: ops",
            "    token: file:ntfy-token",
            "paths:",
            "  secrets: secrets");

        var result = ConfigLoader.Load(path);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal("tk_123", result.Config!.Notifications.Ntfy!.Token!.Reveal());
    }

    [Theory]
    [InlineData(UnixFileMode.GroupRead, "0640")]
    [InlineData(UnixFileMode.OtherRead, "0604")]
    [InlineData(UnixFileMode.GroupWrite, "0620")]
    public void FileReference_AccessibleByGroupOrOthers_IsRefusedWithTheFix(UnixFileMode extra, string octal)
    {
        var secretPath = _dir.Write("registry-password", "hunter2", OwnerOnly | extra);
        var path = _dir.WriteConfig("registry:", "  username: ops", "  password: file:registry-password");

        var result = ConfigLoader.Load(path);

        var problem = Assert.Single(result.Problems);
        Assert.False(result.IsValid);
        Assert.Equal((3, 13, "registry.password"), (problem.Line, problem.Column, problem.KeyPath));
        Assert.Contains($"has mode {octal}", problem.Message);
        Assert.Contains($"chmod 600 {secretPath}", problem.Message);
        Assert.DoesNotContain("hunter2", problem.ToString());
    }

    [Fact]
    public void FileReference_ToADirectory_IsRefused()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "token-dir"));
        var path = _dir.WriteConfig("registry:", "  username: ops", "  password: file:token-dir");

        var problem = Assert.Single(ConfigLoader.Load(path).Problems);

        Assert.Contains("is a directory", problem.Message);
    }

    [Fact]
    public void FileReference_EmptyFile_IsRefused()
    {
        _dir.Write("registry-password", "\n");
        var path = _dir.WriteConfig("registry:", "  username: ops", "  password: file:registry-password");

        var problem = Assert.Single(ConfigLoader.Load(path).Problems);

        Assert.EndsWith("is empty", problem.Message);
    }

    [Theory]
    [InlineData("hunter2-inline")]
    [InlineData("\"quoted-hunter2\"")]
    [InlineData("files:hunter2-typo")]
    public void InlineValue_IsRefusedAndNeverEchoed(string scalar)
    {
        var path = _dir.WriteConfig("registry:", "  username: ops", $"  password: {scalar}");

        var result = ConfigLoader.Load(path);

        var problem = Assert.Single(result.Problems);
        Assert.False(result.IsValid);
        Assert.Equal((3, 13), (problem.Line, problem.Column));
        Assert.Contains("secrets must be file: or credential: references, never inline values", problem.Message);
        Assert.DoesNotContain("hunter2", problem.ToString());
    }

    [Fact]
    public void CredentialReference_ReadsFromCredentialsDirectoryEnvironment()
    {
        var credentials = Path.Combine(_dir.Path, "credentials");
        _dir.Write("credentials/registry", "from-systemd\n", UnixFileMode.UserRead);
        var path = _dir.WriteConfig("registry:", "  username: ops", "  password: credential:registry");
        var previous = Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY");

        ConfigLoadResult result;
        try
        {
            Environment.SetEnvironmentVariable("CREDENTIALS_DIRECTORY", credentials);
            result = ConfigLoader.Load(path);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CREDENTIALS_DIRECTORY", previous);
        }

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal("from-systemd", result.Config!.Registry.Password!.Reveal());
        Assert.Equal("credential:registry", result.Config.Registry.Password.Reference);
    }

    [Fact]
    public void CredentialReference_WithoutCredentialsDirectory_SaysSo()
    {
        var path = _dir.WriteConfig("registry:", "  username: ops", "  password: credential:registry");

        var problem = Assert.Single(ConfigLoader.Load(path, credentialsDirectory: null).Problems);

        Assert.Equal((3, 13), (problem.Line, problem.Column));
        Assert.Contains("needs $CREDENTIALS_DIRECTORY", problem.Message);
    }

    [Fact]
    public void CredentialReference_NotInTheDirectory_NamesTheUnitLine()
    {
        var credentials = Directory.CreateDirectory(Path.Combine(_dir.Path, "credentials")).FullName;
        var path = _dir.WriteConfig("registry:", "  username: ops", "  password: credential:registry");

        var problem = Assert.Single(ConfigLoader.Load(path, credentials).Problems);

        Assert.Contains("LoadCredential=registry:PATH", problem.Message);
    }

    [Fact]
    public void CredentialReference_WithAPath_IsRefused()
    {
        var path = _dir.WriteConfig("registry:", "  username: ops", "  password: credential:../etc/shadow");

        var problem = Assert.Single(ConfigLoader.Load(path, _dir.Path).Problems);

        Assert.Contains("is not a credential name", problem.Message);
    }
}
