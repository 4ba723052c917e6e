using RegistryOps.Core.Distribution;
using RegistryOps.IntegrationTests.Infrastructure;

namespace RegistryOps.IntegrationTests.Distribution;

[Collection(RegistryCollection.Name)]
public sealed class RegistryClientTlsTests
{
    [Fact]
    public async Task HttpsRegistry_WithAPrivateCa_IsTrustedOnlyThroughCaFileOrSkipTlsVerify()
    {
        await using var registry = await RegistryContainer.StartAsync(new RegistryOptions { Tls = true });
        await registry.Images().PushImageAsync("tls/app", "v1");

        using var withCa = new RegistryClient(new RegistryEndpoint(registry.BaseUri, CaFile: registry.CaFile));
        using var skipping = new RegistryClient(new RegistryEndpoint(registry.BaseUri, SkipTlsVerify: true));
        using var plain = new RegistryClient(new RegistryEndpoint(registry.BaseUri,
            RequestTimeout: TimeSpan.FromSeconds(5)));

        Assert.Equal(["v1"], await withCa.ListTagsAsync("tls/app", CancellationToken.None));
        Assert.Equal(["tls/app"], await skipping.ListRepositoriesAsync(CancellationToken.None).ToListAsync());
        var error = await Assert.ThrowsAsync<RegistryUnavailableException>(
            () => plain.PingAsync(CancellationToken.None));
        Assert.Contains($"127.0.0.1:{registry.Port}", error.Message);
    }

    [Fact]
    public async Task HttpsRegistry_WithAnotherCa_IsRefused()
    {
        await using var registry = await RegistryContainer.StartAsync(new RegistryOptions { Tls = true });
        var otherCa = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(otherCa, TestCertificates.Create().CaPem);
            using var client = new RegistryClient(new RegistryEndpoint(registry.BaseUri, CaFile: otherCa,
                RequestTimeout: TimeSpan.FromSeconds(5)));

            await Assert.ThrowsAsync<RegistryUnavailableException>(() => client.PingAsync(CancellationToken.None));
        }
        finally
        {
            File.Delete(otherCa);
        }
    }
}
