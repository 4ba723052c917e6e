using System.Security.Cryptography;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Distribution;
using RegistryOps.IntegrationTests.Infrastructure;

namespace RegistryOps.IntegrationTests.Distribution;

[Collection(RegistryCollection.Name)]
public sealed class RegistryClientIntegrationTests
{
    [Fact]
    public async Task Catalog_WithMoreRepositoriesThanOnePage_ListsThemAll()
    {
        await using var registry = await RegistryContainer.StartAsync();
        var images = registry.Images();
        var names = Enumerable.Range(1, 7).Select(i => $"team/app{i}").ToList();
        foreach (var name in names)
        {
            await images.PushImageAsync(name, "v1");
        }

        using var client = new RegistryClient(new RegistryEndpoint(registry.BaseUri, PageSize: 3));
        var listed = await client.ListRepositoriesAsync(CancellationToken.None).ToListAsync();

        Assert.Equal(names, listed.Order());
        Assert.Equal(3, client.Stats.Count(HttpMethod.Get));
    }

    [Fact]
    public async Task Tags_WithMoreTagsThanThePageSize_AreAllListed()
    {
        await using var registry = await RegistryContainer.StartAsync();
        var image = await registry.Images().PushImageAsync("lib/tool", "1.0");
        foreach (var tag in new[] { "1.1", "1.2", "2.0", "latest" })
        {
            await registry.Images().TagAsync(image, tag);
        }

        using var client = new RegistryClient(new RegistryEndpoint(registry.BaseUri, PageSize: 2));
        var tags = await client.ListTagsAsync("lib/tool", CancellationToken.None);

        Assert.Equal(["1.0", "1.1", "1.2", "2.0", "latest"], tags.Order());
    }

    [Fact]
    public async Task Manifests_IndexAndImage_HeadAndGetAgreeWithWhatWasPushed()
    {
        await using var registry = await RegistryContainer.StartAsync();
        var index = await registry.Images().PushIndexAsync("multi/arch", "latest");
        var image = await registry.Images().PushImageAsync("single/img", "v1", [4096]);
        using var client = new RegistryClient(new RegistryEndpoint(registry.BaseUri));

        var indexHead = await client.HeadManifestAsync("multi/arch", "latest", CancellationToken.None);
        var imageData = await client.GetManifestAsync("single/img", "v1", CancellationToken.None);
        await using var blob = await client.GetBlobAsync("single/img", image.Layers[0].Digest, CancellationToken.None);
        var blobDigest = "sha256:" + Convert.ToHexStringLower(await SHA256.HashDataAsync(blob));

        Assert.Equal(new ManifestHead(index.Digest, MediaTypes.OciIndex, index.Manifest.Length), indexHead);
        Assert.Equal(image.Digest, imageData.Digest);
        Assert.Equal(image.Manifest, imageData.Content);
        Assert.Equal(image.Layers[0].Digest, blobDigest);
        Assert.Null(await client.HeadManifestAsync("single/img", "nope", CancellationToken.None));
    }

    [Fact]
    public async Task GetBlobAsync_LargeBlob_StreamsCompletelyAfterTheCallReturns()
    {
        await using var registry = await RegistryContainer.StartAsync();
        var image = await registry.Images().PushImageAsync("big/blob", "v1", [24 * 1024 * 1024]);
        using var client = new RegistryClient(new RegistryEndpoint(registry.BaseUri,
            RequestTimeout: TimeSpan.FromSeconds(2)));

        await using var blob = await client.GetBlobAsync("big/blob", image.Layers[0].Digest, CancellationToken.None);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await blob.ReadAsync(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            total += read;

            // Slower than the per-attempt timeout in all: the timeout must not cut the body.
            if (total % (4 * 1024 * 1024) < read)
            {
                await Task.Delay(500);
            }
        }

        Assert.Equal(image.Layers[0].Size, total);
        Assert.Equal(image.Layers[0].Digest, "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    [Fact]
    public async Task BasicAuthRegistry_ListsWithCredentials_AndRefusesWrongOnes()
    {
        await using var registry = await RegistryContainer.StartAsync(new RegistryOptions
        {
            Username = "alice",
            Password = "correct horse",
        });
        await registry.Images().PushImageAsync("private/app", "v1");

        using var client = new RegistryClient(new RegistryEndpoint(registry.BaseUri, "alice",
            new Secret("test", "correct horse")));
        using var wrong = new RegistryClient(new RegistryEndpoint(registry.BaseUri, "alice",
            new Secret("test", "battery staple")));

        Assert.Equal(["private/app"], await client.ListRepositoriesAsync(CancellationToken.None).ToListAsync());
        Assert.Equal(["v1"], await client.ListTagsAsync("private/app", CancellationToken.None));
        await Assert.ThrowsAsync<RegistryAuthException>(() => wrong.PingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TokenRealmRegistry_GetsOneTokenPerScope_AndReadsEverything()
    {
        await using var registry = await RegistryContainer.StartAsync(new RegistryOptions
        {
            Username = "bob",
            Password = "hunter2",
            TokenAuth = true,
        });
        var pushed = await registry.Images().PushImageAsync("team/api", "1.0");
        await registry.Images().TagAsync(pushed, "1.1");
        var before = registry.Tokens!.Requests;

        using var client = new RegistryClient(
            new RegistryEndpoint(registry.BaseUri, "bob", new Secret("test", "hunter2")));
        var repositories = await client.ListRepositoriesAsync(CancellationToken.None).ToListAsync();
        var tags = await client.ListTagsAsync("team/api", CancellationToken.None);
        var heads = new List<ManifestHead?>();
        foreach (var tag in tags)
        {
            heads.Add(await client.HeadManifestAsync("team/api", tag, CancellationToken.None));
        }

        Assert.Equal(["team/api"], repositories);
        Assert.All(heads, h => Assert.Equal(pushed.Digest, h?.Digest));
        Assert.Equal(2, registry.Tokens.Requests - before);
        Assert.Equal(2, client.Stats.TokenRequests);
        Assert.Contains("registry:catalog:*", registry.Tokens.RequestedScopes);
        Assert.Contains("repository:team/api:pull", registry.Tokens.RequestedScopes);
    }

    [Fact]
    public async Task TokenRealmRegistry_WrongPassword_IsAnAuthError()
    {
        await using var registry = await RegistryContainer.StartAsync(new RegistryOptions
        {
            Username = "bob",
            Password = "hunter2",
            TokenAuth = true,
        });

        using var client = new RegistryClient(
            new RegistryEndpoint(registry.BaseUri, "bob", new Secret("test", "nope")));

        var error = await Assert.ThrowsAsync<RegistryAuthException>(
            () => client.ListTagsAsync("team/api", CancellationToken.None));
        Assert.Contains("token endpoint", error.Message);
    }
}
