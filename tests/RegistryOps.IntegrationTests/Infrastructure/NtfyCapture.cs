using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace RegistryOps.IntegrationTests.Infrastructure;

/// <summary>A stand-in ntfy server on loopback that records every publish request.</summary>
public sealed class NtfyCapture : IDisposable
{
    private readonly HttpListener _listener = new();

    public NtfyCapture(int status = 200)
    {
        Status = status;
        BaseUri = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        _listener.Prefixes.Add(BaseUri.AbsoluteUri);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public Uri BaseUri { get; }

    /// <summary>The status every request is answered with.</summary>
    public int Status { get; set; }

    public ConcurrentQueue<CapturedRequest> Requests { get; } = new();

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
            catch (Exception)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.OfType<string>()
                .ToDictionary(k => k, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            Requests.Enqueue(new CapturedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath,
                headers, body));
            context.Response.StatusCode = Status;
            context.Response.Close();
        }
    }
}

/// <summary>One request as the server saw it; header values raw, as sent on the wire.</summary>
public sealed record CapturedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
