using RegistryOps.Core.Distribution;
using RegistryOps.IntegrationTests.Infrastructure;

namespace RegistryOps.IntegrationTests.Sync;

[Collection(RegistryCollection.Name)]
public sealed class RegistryWriteTests
{
    [Fact]
    public async Task Slow_upload_runs_past_the_per_request_timeout_and_commits()
    {
        await using var registry = await RegistryContainer.StartAsync();
        using var client = new RegistryClient(new RegistryEndpoint(registry.BaseUri,
            RequestTimeout: TimeSpan.FromSeconds(1)));
        var content = TestImages.RandomBytes(1024 * 1024);
        var digest = TestImages.DigestOf(content);

        var sent = await client.UploadBlobAsync("write/slow", digest, content.Length,
            new SlowStream(content, TimeSpan.FromMilliseconds(150)), default);

        Assert.Equal(content.Length, sent);
        Assert.True(await client.BlobExistsAsync("write/slow", digest, default));
    }

    [Fact]
    public async Task Wrong_bytes_are_never_committed_and_the_session_is_deleted()
    {
        await using var registry = await RegistryContainer.StartAsync();
        using var client = new RegistryClient(new RegistryEndpoint(registry.BaseUri));
        var content = TestImages.RandomBytes(4096);
        var digest = TestImages.DigestOf(content);
        content[100] ^= 0xff;

        var error = await Assert.ThrowsAsync<DigestMismatchException>(() =>
            client.UploadBlobAsync("write/bad", digest, content.Length, new MemoryStream(content), default));

        Assert.Equal(digest, error.Expected);
        Assert.False(await client.BlobExistsAsync("write/bad", digest, default));
        Assert.False(await client.BlobExistsAsync("write/bad", TestImages.DigestOf(content), default));
        var uploads = Path.Combine(registry.StorageDirectory, "docker/registry/v2/repositories/write/bad/_uploads");
        // The DELETE removes the session's data; registry 2.8 leaves an empty hash-state folder,
        // which its own upload purging clears later.
        var data = Directory.Exists(uploads) ? Directory.GetFiles(uploads, "data", SearchOption.AllDirectories) : [];
        Assert.Empty(data);
        Assert.Equal(1, client.Stats.Count(HttpMethod.Delete));
        Assert.Equal(0, client.Stats.Count(HttpMethod.Put));
    }

    /// <summary>Hands out 64 KiB per read after a pause, so the whole body takes a while.</summary>
    private sealed class SlowStream(byte[] content, TimeSpan pause) : MemoryStream(content)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            await Task.Delay(pause, ct);
            return await base.ReadAsync(buffer[..Math.Min(buffer.Length, 64 * 1024)], ct);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();
    }
}
