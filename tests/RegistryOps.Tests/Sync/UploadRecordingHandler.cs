using System.Collections.Concurrent;
using System.Net;
using RegistryOps.Core.Distribution;

namespace RegistryOps.Tests.Sync;

/// <summary>A minimal blob-upload endpoint in memory: sessions, PATCH, PUT ?digest=, DELETE,
/// mount. It records every request as "METHOD path" and keeps committed blobs by digest.</summary>
internal sealed class UploadRecordingHandler : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, MemoryStream> _sessions = new();

    public List<string> Requests { get; } = [];

    public Dictionary<string, byte[]> Committed { get; } = [];

    public HashSet<string> Mountable { get; } = [];

    public HashSet<string> DeletedSessions { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var path = request.RequestUri!.AbsolutePath;
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query);
        lock (Requests)
        {
            Requests.Add($"{request.Method} {path}");
        }

        if (request.Method == HttpMethod.Head)
        {
            var digest = path[(path.LastIndexOf('/') + 1)..];
            return new HttpResponseMessage(Committed.ContainsKey(digest) ? HttpStatusCode.OK : HttpStatusCode.NotFound);
        }

        if (request.Method == HttpMethod.Post && query["mount"] is { } mount && Mountable.Contains(mount))
        {
            return new HttpResponseMessage(HttpStatusCode.Created);
        }

        if (request.Method == HttpMethod.Post)
        {
            var id = Guid.NewGuid().ToString("N");
            _sessions[id] = new MemoryStream();
            var accepted = new HttpResponseMessage(HttpStatusCode.Accepted);
            accepted.Headers.Location = new Uri($"/v2/repo/blobs/uploads/{id}?_state=x", UriKind.Relative);
            return accepted;
        }

        var session = path[(path.LastIndexOf('/') + 1)..];
        if (request.Method == HttpMethod.Patch)
        {
            await request.Content!.CopyToAsync(_sessions[session], ct);
            return new HttpResponseMessage(HttpStatusCode.Accepted);
        }

        if (request.Method == HttpMethod.Delete)
        {
            DeletedSessions.Add(session);
            _sessions.TryRemove(session, out _);
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }

        var expected = query["digest"]!;
        var bytes = _sessions[session].ToArray();
        if (Digests.Sha256(bytes) != expected)
        {
            return new HttpResponseMessage(HttpStatusCode.BadRequest);
        }

        Committed[expected] = bytes;
        return new HttpResponseMessage(HttpStatusCode.Created);
    }
}
