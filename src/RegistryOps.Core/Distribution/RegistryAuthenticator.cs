using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace RegistryOps.Core.Distribution;

/// <summary>
/// Answers a registry's auth challenges for one client. Basic: the configured credentials on every
/// request once the registry asked. Bearer: a token per scope from the realm, cached until its
/// expires_in (default 60s) runs out; once the realm is known, tokens for new scopes are fetched
/// before the request, so each scope costs one 401 at most once.
/// </summary>
internal sealed class RegistryAuthenticator(
    RegistryEndpoint endpoint,
    HttpClient http,
    RequestStats stats,
    TimeProvider time,
    ILogger logger)
{
    private static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromSeconds(60);

    private readonly Dictionary<string, Task<BearerToken>> _tokens = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private AuthChallenge? _bearer;
    private bool _basic;

    /// <summary>Sets the Authorization header this scope needs, as far as the client knows.</summary>
    public async Task AuthorizeAsync(HttpRequestMessage request, string scope,
        CancellationToken cancellationToken)
    {
        if (_basic && BasicHeader() is { } basic)
        {
            request.Headers.Authorization = basic;
            return;
        }

        if (_bearer is { } challenge)
        {
            var token = await GetTokenAsync(challenge, scope, cancellationToken);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        }
    }

    /// <summary>Learns from a 401. True when a retry can succeed (new credentials to offer).</summary>
    public bool Learn(HttpResponseMessage unauthorized, string scope)
    {
        var challenges = AuthChallenge.ParseAll(unauthorized.Headers.WwwAuthenticate.Select(h => h.ToString()));
        var bearer = challenges.FirstOrDefault(c => c.IsBearer && c["realm"] is not null);
        if (bearer is not null)
        {
            lock (_gate)
            {
                // A 401 with a token in hand means the token no longer works: drop it.
                _tokens.Remove(scope);
                _bearer = bearer;
            }

            return true;
        }

        if (challenges.Any(c => c.IsBasic) && endpoint.Username is not null && !_basic)
        {
            _basic = true;
            return true;
        }

        return false;
    }

    private AuthenticationHeaderValue? BasicHeader()
    {
        if (endpoint.Username is null)
        {
            return null;
        }

        var pair = $"{endpoint.Username}:{endpoint.Password?.Reveal() ?? ""}";
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
    }

    private Task<BearerToken> GetTokenAsync(AuthChallenge challenge, string scope,
        CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // A fetch in flight is shared; a failed or expiring token is fetched again.
            if (_tokens.TryGetValue(scope, out var cached)
                && (!cached.IsCompleted
                    || (cached.IsCompletedSuccessfully && cached.Result.RenewAt > time.GetUtcNow())))
            {
                return cached;
            }

            // One fetch per scope at a time; parallel requests for the scope share it.
            var fetch = FetchTokenAsync(challenge, scope, cancellationToken);
            _tokens[scope] = fetch;
            return fetch;
        }
    }

    private async Task<BearerToken> FetchTokenAsync(AuthChallenge challenge, string scope,
        CancellationToken cancellationToken)
    {
        var realm = challenge["realm"]!;
        var query = new List<string>();
        if (challenge["service"] is { } service)
        {
            query.Add("service=" + Uri.EscapeDataString(service));
        }

        // A mount needs two scopes; the token spec repeats the parameter for each, and token
        // servers that read one space-joined value are rarer than those that read repeats.
        foreach (var single in scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            query.Add("scope=" + Uri.EscapeDataString(single));
        }

        var separator = realm.Contains('?') ? "&" : "?";
        var uri = new Uri(realm + (query.Count > 0 ? separator + string.Join("&", query) : ""));
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = BasicHeader();

        stats.RecordToken();
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new RegistryAuthException(
                $"token endpoint {uri.GetLeftPart(UriPartial.Path)} refused "
                + (endpoint.Username is null ? "anonymous access" : $"the credentials of {endpoint.Username}")
                + $" for scope '{scope}' ({(int)response.StatusCode})",
                response.StatusCode, "GET", uri.GetLeftPart(UriPartial.Path));
        }

        var realmUrl = uri.GetLeftPart(UriPartial.Path);
        if (!response.IsSuccessStatusCode)
        {
            throw new RegistryException(
                $"token endpoint {realmUrl} answered {(int)response.StatusCode} for scope '{scope}'",
                response.StatusCode, "GET", realmUrl);
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        var root = json.RootElement;
        var value = Text(root, "token") ?? Text(root, "access_token");
        if (string.IsNullOrEmpty(value))
        {
            throw new RegistryException($"token endpoint {realmUrl} sent no token");
        }

        var lifetime = root.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var seconds)
            && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : DefaultTokenLifetime;

        // Renew a little early so a token never expires between this check and the registry's.
        var margin = TimeSpan.FromTicks(Math.Min(lifetime.Ticks / 10, TimeSpan.TicksPerSecond * 10));
        var renewAt = time.GetUtcNow() + lifetime - margin;
        DistributionLog.TokenFetched(logger, scope, endpoint.Authority, lifetime);
        return new BearerToken(value, renewAt);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
