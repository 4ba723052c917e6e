using System.Net;

namespace RegistryOps.IntegrationTests.Infrastructure;

/// <summary>
/// A loopback HTTP proxy in front of a registry that forwards faithfully until told to break:
/// answer every request after the first <see cref="FailAfter"/> with 500 (a registry that fails
/// in the middle of a listing), flip one byte in every blob it serves, or answer the next
/// manifest requests with 429 and Retry-After. Upload Locations point at the registry itself,
/// so only reads are sure to pass through it.
/// </summary>
public sealed class FaultProxy : IDisposable
{
    private static readonly HttpClient Upstream = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    private readonly Uri _target;
    private readonly LoopbackListener _server;
    private int _requests;
    private int _tooManyLeft;
    private int _rateLimited;
    private int _retryAfterSeconds = 1;

    public FaultProxy(Uri target)
    {
        _target = target;
        _server = new LoopbackListener(AnswerAsync);
    }

    public Uri BaseUri => _server.BaseUri;

    public int Port => _server.Port;

    public string Host => $"127.0.0.1:{Port}";

    /// <summary>Requests forwarded before the proxy answers 500 to all; null never fails.</summary>
    public int? FailAfter { get; set; }

    /// <summary>Requests received so far, failed ones included.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Blob bodies pass with the byte in their middle flipped.</summary>
    public bool CorruptBlobs { get; set; }

    /// <summary>How many 429 answers were sent.</summary>
    public int RateLimited => Volatile.Read(ref _rateLimited);

    /// <summary>Answer the next <paramref name="count"/> manifest requests with 429.</summary>
    public void TooManyRequests(int count, int retryAfterSeconds)
    {
        Volatile.Write(ref _retryAfterSeconds, retryAfterSeconds);
        Volatile.Write(ref _tooManyLeft, count);
    }

    public void Dispose() => _server.Dispose();

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.PathAndQuery;
        var number = Interlocked.Increment(ref _requests);
        if (FailAfter is { } limit && number > limit)
        {
            context.Response.StatusCode = 500;
            context.Response.Close();
            return;
        }

        if (path.Contains("/manifests/", StringComparison.Ordinal)
            && Interlocked.Decrement(ref _tooManyLeft) >= 0)
        {
            Interlocked.Increment(ref _rateLimited);
            context.Response.StatusCode = 429;
            context.Response.AddHeader("Retry-After", Volatile.Read(ref _retryAfterSeconds).ToString());
            context.Response.Close();
            return;
        }

        await ForwardAsync(context, path);
    }

    private async Task ForwardAsync(HttpListenerContext context, string path)
    {
        var incoming = context.Request;
        using var request = new HttpRequestMessage(new HttpMethod(incoming.HttpMethod), new Uri(_target, path));
        if (incoming.HasEntityBody)
        {
            using var content = new MemoryStream();
            await incoming.InputStream.CopyToAsync(content);
            request.Content = new ByteArrayContent(content.ToArray());
        }

        foreach (var name in incoming.Headers.AllKeys.OfType<string>())
        {
            if (name is "Host" or "Connection" or "Transfer-Encoding")
            {
                continue;
            }

            var values = incoming.Headers.GetValues(name) ?? [];
            if (!request.Headers.TryAddWithoutValidation(name, values) && request.Content is not null)
            {
                request.Content.Headers.TryAddWithoutValidation(name, values);
            }
        }

        using var response = await Upstream.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (CorruptBlobs && path.Contains("/blobs/sha256:", StringComparison.Ordinal) && body.Length > 0)
        {
            body[body.Length / 2] ^= 0x01;
        }

        var outgoing = context.Response;
        outgoing.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (header.Key is "Content-Length" or "Transfer-Encoding" or "Connection")
            {
                continue;
            }

            foreach (var value in header.Value)
            {
                outgoing.Headers.Add(header.Key, value);
            }
        }

        outgoing.ContentLength64 = response.Content.Headers.ContentLength ?? body.Length;
        if (request.Method != HttpMethod.Head)
        {
            await outgoing.OutputStream.WriteAsync(body);
        }

        outgoing.Close();
    }
}
