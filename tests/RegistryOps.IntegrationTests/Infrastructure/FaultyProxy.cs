using System.Net;

namespace RegistryOps.IntegrationTests.Infrastructure;

/// <summary>
/// A loopback HTTP proxy in front of a registry that forwards requests faithfully until
/// <see cref="FailAfter"/> requests have passed, then answers every further one with 500 —
/// a registry that breaks in the middle of a listing.
/// </summary>
public sealed class FaultyProxy : IDisposable
{
    private static readonly HashSet<string> ContentHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Length", "Content-Range", "Content-Encoding",
    };

    private readonly HttpListener _listener = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private readonly Uri _target;
    private int _requests;

    public FaultyProxy(Uri target)
    {
        _target = target;
        var port = FreePort.Next();
        BaseUri = new Uri($"http://127.0.0.1:{port}");
        _listener.Prefixes.Add(BaseUri.AbsoluteUri);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public Uri BaseUri { get; }

    /// <summary>Requests forwarded before the proxy starts failing; null never fails.</summary>
    public int? FailAfter { get; set; }

    public int Requests => Volatile.Read(ref _requests);

    public void Dispose()
    {
        _listener.Close();
        _http.Dispose();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            var number = Interlocked.Increment(ref _requests);
            if (FailAfter is { } limit && number > limit)
            {
                context.Response.StatusCode = 500;
                context.Response.Close();
                return;
            }

            await ForwardAsync(context);
        }
        catch (Exception)
        {
            context.Response.Abort();
        }
    }

    private async Task ForwardAsync(HttpListenerContext context)
    {
        var incoming = context.Request;
        using var request = new HttpRequestMessage(new HttpMethod(incoming.HttpMethod),
            new Uri(_target, incoming.Url!.PathAndQuery));
        if (incoming.HasEntityBody)
        {
            using var body = new MemoryStream();
            await incoming.InputStream.CopyToAsync(body);
            request.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var name in incoming.Headers.AllKeys.OfType<string>())
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var values = incoming.Headers.GetValues(name) ?? [];
            if (!request.Headers.TryAddWithoutValidation(name, values) && request.Content is not null)
            {
                request.Content.Headers.TryAddWithoutValidation(name, values);
            }
        }

        using var response = await _http.SendAsync(request);
        var outgoing = context.Response;
        outgoing.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                || header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var value in header.Value)
            {
                outgoing.Headers.Add(header.Key, value);
            }
        }

        var content = await response.Content.ReadAsByteArrayAsync();
        outgoing.ContentLength64 = response.Content.Headers.ContentLength ?? content.Length;
        if (incoming.HttpMethod != "HEAD")
        {
            await outgoing.OutputStream.WriteAsync(content);
        }

        outgoing.Close();
    }
}
