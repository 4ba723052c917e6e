using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Distribution;

namespace RegistryOps.Tests.Distribution;

public sealed class RegistryClientTests
{
    private static readonly Uri Base = new("http://registry.test:5000");

    [Fact]
    public async Task ListRepositoriesAsync_FollowsLinkHeadersAcrossPages()
    {
        var handler = new StubHandler(request => request.RequestUri!.Query switch
        {
            "?n=2" => WithLink(StubHandler.Json("""{"repositories":["a","b"]}"""), "/v2/_catalog?last=b&n=2"),
            "?last=b&n=2" => WithLink(StubHandler.Json("""{"repositories":["c","d"]}"""), "/v2/_catalog?last=d&n=2"),
            _ => StubHandler.Json("""{"repositories":["e"]}"""),
        });
        using var client = Client(handler, pageSize: 2);

        var names = await client.ListRepositoriesAsync(CancellationToken.None).ToListAsync();

        Assert.Equal(["a", "b", "c", "d", "e"], names);
        Assert.Equal(3, client.Stats.Count(HttpMethod.Get));
    }

    [Theory]
    [InlineData("""{"name":"x","tags":null}""")]
    [InlineData("""{"name":"x","tags":[]}""")]
    [InlineData("""{"name":"x"}""")]
    public async Task ListTagsAsync_NoTags_GivesEmptyList(string body)
    {
        using var client = Client(new StubHandler(_ => StubHandler.Json(body)));

        Assert.Empty(await client.ListTagsAsync("x", CancellationToken.None));
    }

    [Fact]
    public async Task ListTagsAsync_ReadsEveryPage()
    {
        var handler = new StubHandler(request => request.RequestUri!.Query.Contains("last=")
            ? StubHandler.Json("""{"tags":["3"]}""")
            : WithLink(StubHandler.Json("""{"tags":["1","2"]}"""), "/v2/app/tags/list?n=2&last=2"));
        using var client = Client(handler, pageSize: 2);

        Assert.Equal(["1", "2", "3"], await client.ListTagsAsync("app", CancellationToken.None));
    }

    [Fact]
    public async Task HeadManifestAsync_WithoutDigestHeader_GetsAndComputesIt()
    {
        var body = Encoding.UTF8.GetBytes(
            """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json"}""");
        var handler = new StubHandler(request =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };
            response.Content.Headers.ContentType = new MediaTypeHeaderValue(MediaTypes.OciManifest);
            return response;
        });
        using var client = Client(handler);

        var head = await client.HeadManifestAsync("app", "v1", CancellationToken.None);

        Assert.NotNull(head);
        var digest = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body));
        Assert.Equal(digest, head.Digest);
        Assert.Equal(1, client.Stats.Count(HttpMethod.Head));
        Assert.Equal(1, client.Stats.Count(HttpMethod.Get));
        Assert.Contains(handler.Requests[0].Headers.Accept, a => a.MediaType == MediaTypes.DockerManifestList);
    }

    [Fact]
    public async Task HeadManifestAsync_NotFound_IsNull()
    {
        using var client = Client(new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound)));

        Assert.Null(await client.HeadManifestAsync("app", "gone", CancellationToken.None));
    }

    [Fact]
    public async Task GetManifestAsync_DigestHeaderThatDoesNotMatchTheBytes_Throws()
    {
        var handler = new StubHandler(_ =>
        {
            var response = StubHandler.Json("""{"schemaVersion":2}""");
            response.Headers.Add("Docker-Content-Digest", "sha256:" + new string('0', 64));
            return response;
        });
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<RegistryException>(
            () => client.GetManifestAsync("app", "v1", CancellationToken.None));
        Assert.Contains("hash to", error.Message);
    }

    [Fact]
    public async Task BasicChallenge_IsAnsweredWithTheConfiguredCredentials()
    {
        var handler = new StubHandler(request =>
        {
            if (request.Headers.Authorization?.Scheme == "Basic")
            {
                return StubHandler.Json("{}");
            }

            var challenge = new HttpResponseMessage(HttpStatusCode.Unauthorized);
            challenge.Headers.WwwAuthenticate.ParseAdd("Basic realm=\"registry\"");
            return challenge;
        });
        using var client = Client(handler, username: "alice", password: "pw");

        await client.PingAsync(CancellationToken.None);
        await client.PingAsync(CancellationToken.None);

        Assert.Equal(3, handler.Requests.Count);
        var parameter = handler.Requests[2].Headers.Authorization!.Parameter!;
        var sent = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
        Assert.Equal("alice:pw", sent);
    }

    [Fact]
    public async Task BearerChallenge_FetchesOneTokenPerScopeAndReusesIt()
    {
        var tokenRequests = new List<Uri>();
        var handler = new StubHandler(request =>
        {
            if (request.RequestUri!.Host == "auth.test")
            {
                tokenRequests.Add(request.RequestUri);
                return StubHandler.Json("""{"token":"T1","expires_in":300}""");
            }

            if (request.Headers.Authorization is { Scheme: "Bearer", Parameter: "T1" })
            {
                return StubHandler.Json("""{"tags":["v1"]}""");
            }

            var challenge = new HttpResponseMessage(HttpStatusCode.Unauthorized);
            challenge.Headers.WwwAuthenticate.ParseAdd(
                "Bearer realm=\"http://auth.test/token\",service=\"reg\",scope=\"repository:app:pull\"");
            return challenge;
        });
        using var client = Client(handler);

        await client.ListTagsAsync("app", CancellationToken.None);
        await client.ListTagsAsync("app", CancellationToken.None);

        var token = Assert.Single(tokenRequests);
        Assert.Equal("?service=reg&scope=repository%3Aapp%3Apull", token.Query);
        Assert.Equal(3, client.Stats.Count(HttpMethod.Get));
    }

    [Fact]
    public async Task RejectedCredentials_ThrowAuthException()
    {
        var handler = new StubHandler(_ =>
        {
            var challenge = StubHandler.Json(
                """{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}""",
                HttpStatusCode.Unauthorized);
            challenge.Headers.WwwAuthenticate.ParseAdd("Basic realm=\"registry\"");
            return challenge;
        });
        using var client = Client(handler, username: "alice", password: "wrong");

        var error = await Assert.ThrowsAsync<RegistryAuthException>(() => client.PingAsync(CancellationToken.None));
        Assert.Equal("UNAUTHORIZED", error.ErrorCode);
        Assert.Contains("registry.test:5000", error.Message);
        Assert.DoesNotContain("wrong", error.Message);
    }

    [Fact]
    public async Task TooManyRequests_WaitsRetryAfter_ThenSucceeds()
    {
        var calls = 0;
        var handler = new StubHandler(_ =>
        {
            if (Interlocked.Increment(ref calls) > 1)
            {
                var ok = StubHandler.Json("{}");
                ok.Headers.Add("ratelimit-limit", "100;w=21600");
                ok.Headers.Add("ratelimit-remaining", "42;w=21600");
                return ok;
            }

            var limited = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            limited.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
            return limited;
        });
        using var client = Client(handler);

        await client.PingAsync(CancellationToken.None);

        Assert.Equal(2, calls);
        Assert.Equal(new RateLimitInfo(100, 42, TimeSpan.FromHours(6)), client.LastRateLimit);
    }

    [Fact]
    public async Task TooManyRequests_BeyondTheBudget_ThrowsRateLimited()
    {
        var handler = new StubHandler(_ =>
        {
            var limited = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            limited.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromMinutes(10));
            return limited;
        });
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<RegistryRateLimitedException>(
            () => client.PingAsync(CancellationToken.None));
        Assert.Equal(TimeSpan.FromMinutes(10), error.RetryAfter);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task ConnectionRefused_ThrowsUnavailableNamingHostAndPort()
    {
        var port = UnusedPort();
        using var client = new RegistryClient(new RegistryEndpoint(new Uri($"http://127.0.0.1:{port}"),
            RequestTimeout: TimeSpan.FromSeconds(2)));

        var error = await Assert.ThrowsAsync<RegistryUnavailableException>(
            () => client.PingAsync(CancellationToken.None));
        Assert.Contains($"127.0.0.1:{port}", error.Message);
    }

    [Fact]
    public void FromConfig_CarriesUrlCredentialsAndLimits()
    {
        var config = new RegistryConfig
        {
            Url = "https://registry.example.com",
            Username = "ops",
            Password = new Secret("file:pw", "hidden"),
            MaxConcurrency = 3,
            PageSize = 50,
        };

        var endpoint = RegistryEndpoint.FromConfig(config);

        Assert.Equal("registry.example.com:443", endpoint.Authority);
        Assert.Equal(3, endpoint.MaxConcurrency);
        Assert.Equal(50, endpoint.PageSize);
        Assert.Equal("hidden", endpoint.Password!.Reveal());
    }

    private static int UnusedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static HttpResponseMessage WithLink(HttpResponseMessage response, string next)
    {
        response.Headers.Add("Link", $"<{next}>; rel=\"next\"");
        return response;
    }

    private static RegistryClient Client(StubHandler handler, int pageSize = 100, string? username = null,
        string? password = null) =>
        new(new RegistryEndpoint(Base, username, password is null ? null : new Secret("test", password),
            PageSize: pageSize), handler: handler);
}
