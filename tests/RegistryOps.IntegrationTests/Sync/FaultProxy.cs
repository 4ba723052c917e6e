using System.Net;
using RegistryOps.IntegrationTests.Infrastructure;

namespace RegistryOps.IntegrationTests.Sync;

/// <summary>
/// A loopback HTTP proxy in front of a registry that can flip one byte in every blob it serves
/// and answer the first manifest requests with 429 and Retry-After. Read traffic only: upload
/// Locations point at the registry itself.
/// </summary>
internal sealed class FaultProxy : IDisposable
{
    private static readonly HttpClient Upstream = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private readonly HttpListener _listener = new();
    private readonly Uri _target;
    private int _tooManyLeft;
    private int _rateLimited;

    public FaultProxy(Uri target)
    {
        _target = target;
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Host => $"127.0.0.1:{Port}";

    /// <summary>Blob bodies pass with the byte in their middle flipped.</summary>
    public bool CorruptBlobs { get; set; }

    /// <summary>How many 429 answers were sent.</summary>
    public int RateLimited => Volatile.Read(ref _rateLimited);

    /// <summary>Answer the next <paramref name="count"/> manifest requests with 429.</summary>
    public void TooManyRequests(int count, int retryAfterSeconds)
    {
        RetryAfterSeconds = retryAfterSeconds;
        Volatile.Write(ref _tooManyLeft, count);
    }

    private int RetryAfterSeconds { get; set; } = 1;

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.PathAndQuery;
        try
        {
            if (path.Contains("/manifests/", StringComparison.Ordinal) && Interlocked.Decrement(ref _tooManyLeft) >= 0)
            {
                Interlocked.Increment(ref _rateLimited);
                context.Response.StatusCode = 429;
                context.Response.AddHeader("Retry-After", RetryAfterSeconds.ToString());
                context.Response.Close();
                return;
            }

            using var request = new HttpRequestMessage(new HttpMethod(context.Request.HttpMethod), new Uri(_target, path));
            foreach (var name in context.Request.Headers.AllKeys.OfType<string>())
            {
                if (name is not ("Host" or "Content-Length" or "Content-Type" or "Transfer-Encoding" or "Connection"))
                {
                    request.Headers.TryAddWithoutValidation(name, context.Request.Headers.GetValues(name)!);
                }
            }

            using var response = await Upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var body = await response.Content.ReadAsByteArrayAsync();
            if (CorruptBlobs && path.Contains("/blobs/sha256:", StringComparison.Ordinal) && body.Length > 0)
            {
                body[body.Length / 2] ^= 0x01;
            }

            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                if (header.Key is not ("Content-Length" or "Transfer-Encoding" or "Connection"))
                {
                    context.Response.AddHeader(header.Key, string.Join(",", header.Value));
                }
            }

            context.Response.ContentLength64 = response.Content.Headers.ContentLength ?? body.Length;
            if (request.Method != HttpMethod.Head)
            {
                await context.Response.OutputStream.WriteAsync(body);
            }

            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpRequestException or HttpListenerException or IOException)
        {
            context.Response.Abort();
        }
    }
}
