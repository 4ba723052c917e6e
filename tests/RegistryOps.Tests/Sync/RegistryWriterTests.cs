using System.Net;
using RegistryOps.Core.Distribution;

namespace RegistryOps.Tests.Sync;

public sealed class RegistryWriterTests
{
    private readonly UploadRecordingHandler _handler = new();

    private RegistryWriter Writer()
    {
        var http = new HttpClient(_handler);
        return new RegistryWriter(new Uri("http://registry.test/"),
            (build, _, ct, completion) => http.SendAsync(build(), completion, ct));
    }

    [Fact]
    public async Task UploadBlobAsync_matching_digest_streams_then_commits()
    {
        var content = new byte[300_000];
        Random.Shared.NextBytes(content);
        var digest = Digests.Sha256(content);

        var sent = await Writer().UploadBlobAsync("repo", digest, content.Length, new MemoryStream(content), default);

        Assert.Equal(content.Length, sent);
        Assert.Equal(content, _handler.Committed[digest]);
        Assert.Equal(["POST", "PATCH", "PUT"], _handler.Requests.Select(r => r.Split(' ')[0]));
    }

    [Fact]
    public async Task UploadBlobAsync_altered_bytes_delete_the_session_and_never_commit()
    {
        var content = "the real layer"u8.ToArray();
        var digest = Digests.Sha256(content);
        var altered = content.ToArray();
        altered[3] ^= 0x20;

        var error = await Assert.ThrowsAsync<DigestMismatchException>(() =>
            Writer().UploadBlobAsync("repo", digest, content.Length, new MemoryStream(altered), default));

        Assert.Equal("repo", error.Repository);
        Assert.Equal(digest, error.Expected);
        Assert.Equal(Digests.Sha256(altered), error.Actual);
        Assert.Empty(_handler.Committed);
        Assert.Single(_handler.DeletedSessions);
        Assert.DoesNotContain(_handler.Requests, r => r.StartsWith("PUT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UploadBlobAsync_short_source_is_a_mismatch()
    {
        var content = "complete"u8.ToArray();

        await Assert.ThrowsAsync<DigestMismatchException>(() => Writer().UploadBlobAsync("repo",
            Digests.Sha256(content), content.Length, new MemoryStream(content[..4]), default));

        Assert.Empty(_handler.Committed);
    }

    [Fact]
    public async Task MountBlobAsync_201_is_mounted()
    {
        _handler.Mountable.Add("sha256:abc");

        Assert.True(await Writer().MountBlobAsync("repo", "sha256:abc", "other", default));
    }

    [Fact]
    public async Task MountBlobAsync_202_cancels_the_opened_session()
    {
        Assert.False(await Writer().MountBlobAsync("repo", "sha256:abc", "other", default));

        Assert.Single(_handler.DeletedSessions);
    }

    [Fact]
    public async Task MountBlobAsync_refused_by_auth_means_upload_instead()
    {
        var http = new HttpClient(new StatusHandler(HttpStatusCode.Unauthorized));
        var writer = new RegistryWriter(new Uri("http://registry.test/"),
            (build, _, ct, completion) => http.SendAsync(build(), completion, ct));

        Assert.False(await writer.MountBlobAsync("repo", "sha256:abc", "other", default));
    }

    [Fact]
    public async Task BlobExistsAsync_maps_404_to_false()
    {
        _handler.Committed["sha256:present"] = [];

        Assert.True(await Writer().BlobExistsAsync("repo", "sha256:present", default));
        Assert.False(await Writer().BlobExistsAsync("repo", "sha256:absent", default));
    }

    [Fact]
    public async Task Errors_other_than_404_throw_with_the_status()
    {
        var http = new HttpClient(new StatusHandler(HttpStatusCode.Forbidden));
        var writer = new RegistryWriter(new Uri("http://registry.test/"),
            (build, _, ct, completion) => http.SendAsync(build(), completion, ct));

        var error = await Assert.ThrowsAsync<RegistryAuthException>(() =>
            writer.BlobExistsAsync("repo", "sha256:x", default));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    private sealed class StatusHandler(HttpStatusCode status) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
            Task.FromResult(new HttpResponseMessage(status));
    }
}
