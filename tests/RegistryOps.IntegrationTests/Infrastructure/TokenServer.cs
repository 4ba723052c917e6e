using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace RegistryOps.IntegrationTests.Infrastructure;

/// <summary>
/// A small Bearer token endpoint on loopback, as the registry's token auth expects: it checks
/// Basic credentials, grants every scope asked for, and signs RS256 JWTs whose x5c header carries
/// a self-signed certificate that the registry trusts as its rootcertbundle.
/// </summary>
public sealed class TokenServer : IDisposable
{
    public const string Service = "registryops-test";
    public const string Issuer = "registryops-test-issuer";

    private readonly LoopbackListener _server;
    private readonly RSA _key;
    private readonly X509Certificate2 _certificate;
    private readonly string _username;
    private readonly string _password;
    private readonly List<string> _requestedScopes = [];
    private int _requests;

    private TokenServer(RSA key, X509Certificate2 certificate, string username, string password)
    {
        _key = key;
        _certificate = certificate;
        _username = username;
        _password = password;
        _server = new LoopbackListener(AnswerAsync, oneAtATime: true);
        Realm = new Uri(_server.BaseUri, "token").AbsoluteUri;
    }

    public string Realm { get; }

    public string CertificatePem => _certificate.ExportCertificatePem();

    /// <summary>How many token requests arrived (including refused ones).</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Lifetime written into issued tokens (expires_in). Default: 300s.</summary>
    public int ExpiresInSeconds { get; set; } = 300;

    public IReadOnlyList<string> RequestedScopes
    {
        get
        {
            lock (_requestedScopes)
            {
                return [.. _requestedScopes];
            }
        }
    }

    public static TokenServer Start(string username, string password)
    {
        var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=registryops-test-token", key, HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return new TokenServer(key, certificate, username, password);
    }

    /// <summary>A signed token for the given access, as the endpoint would issue it.</summary>
    public string Issue(string subject, IReadOnlyList<TokenAccess> access)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new Dictionary<string, object>
        {
            ["typ"] = "JWT",
            ["alg"] = "RS256",
            ["x5c"] = new[] { Convert.ToBase64String(_certificate.RawData) },
        };
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["sub"] = subject,
            ["aud"] = Service,
            ["exp"] = now + ExpiresInSeconds,
            ["nbf"] = now - 10,
            ["iat"] = now,
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["access"] = access.Select(a => new { type = a.Type, name = a.Name, actions = a.Actions }).ToArray(),
        };
        var signingInput = Base64Url(JsonSerializer.SerializeToUtf8Bytes(header)) + "."
            + Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    public void Dispose()
    {
        _server.Dispose();
        _certificate.Dispose();
        _key.Dispose();
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static List<TokenAccess> ParseScopes(IEnumerable<string> scopes)
    {
        var access = new List<TokenAccess>();
        foreach (var scope in scopes)
        {
            // type:name:actions, where the name itself may hold a colon (host:port/repo).
            var first = scope.IndexOf(':');
            var last = scope.LastIndexOf(':');
            if (first < 0 || last == first)
            {
                continue;
            }

            access.Add(new TokenAccess(scope[..first], scope[(first + 1)..last], scope[(last + 1)..].Split(',')));
        }

        return access;
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _requests);
        var scopes = context.Request.QueryString.GetValues("scope") ?? [];
        lock (_requestedScopes)
        {
            _requestedScopes.AddRange(scopes);
        }

        if (!IsAuthorized(context.Request.Headers["Authorization"])
            || context.Request.QueryString["service"] != Service)
        {
            context.Response.StatusCode = 401;
            context.Response.Close();
            return;
        }

        var token = Issue(_username, ParseScopes(scopes));
        var body = JsonSerializer.SerializeToUtf8Bytes(new { token, expires_in = ExpiresInSeconds });
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    }

    private bool IsAuthorized(string? header)
    {
        if (_username.Length == 0)
        {
            return true;
        }

        if (header is null || !header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return false;
        }

        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..]));
        return decoded == $"{_username}:{_password}";
    }
}
