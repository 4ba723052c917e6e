using System.Net;
using System.Net.Http.Headers;

namespace RegistryOps.IntegrationTests.Infrastructure;

[Collection(RegistryCollection.Name)]
public sealed class HarnessTests
{
    [Fact]
    public async Task Registry_ServesPushedImageAndIndex_AndKeepsFilesInItsFolder()
    {
        await using var registry = await RegistryContainer.StartAsync();
        var images = registry.Images();

        var image = await images.PushImageAsync("demo/app", "v1", [1024, 2048]);
        var index = await images.PushIndexAsync("demo/multi", "latest");

        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Head,
            new Uri(registry.BaseUri, "/v2/demo/multi/manifests/latest"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(TestImages.OciIndex));
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(index.Digest, response.Headers.GetValues("Docker-Content-Digest").Single());
        var stored = Path.Combine(registry.StorageDirectory, "docker/registry/v2/repositories/demo/app");
        Assert.True(Directory.Exists(stored));
        Assert.Equal(2, image.Layers.Count);
    }

    [Fact]
    public async Task BasicAuthRegistry_RefusesAnonymous_AndAcceptsThePusher()
    {
        await using var registry = await RegistryContainer.StartAsync(new RegistryOptions
        {
            Username = "alice",
            Password = "s3cret pass",
        });

        await registry.Images().PushImageAsync("private/app", "v1");

        using var http = new HttpClient();
        using var anonymous = await http.GetAsync(new Uri(registry.BaseUri, "/v2/_catalog"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task TokenRegistry_AcceptsTokensFromTheLocalEndpoint()
    {
        await using var registry = await RegistryContainer.StartAsync(new RegistryOptions
        {
            Username = "bob",
            Password = "hunter2",
            TokenAuth = true,
        });

        var image = await registry.Images().PushImageAsync("team/api", "1.0");

        using var http = new HttpClient();
        using var anonymous = await http.GetAsync(new Uri(registry.BaseUri, "/v2/team/api/tags/list"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("Bearer", anonymous.Headers.WwwAuthenticate.ToString());
        Assert.StartsWith("sha256:", image.Digest);
    }
}
