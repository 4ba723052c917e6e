using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace RegistryOps.IntegrationTests.Infrastructure;

/// <summary>A stand-in ntfy server on loopback that records every publish request.</summary>
public sealed class NtfyCapture : IDisposable
{
    private readonly LoopbackListener _server;

    public NtfyCapture(int status = 200)
    {
        Status = status;
        _server = new LoopbackListener(AnswerAsync, oneAtATime: true);
    }

    public Uri BaseUri => _server.BaseUri;

    /// <summary>The status every request is answered with.</summary>
    public int Status { get; set; }

    public ConcurrentQueue<CapturedRequest> Requests { get; } = new();

    public void Dispose() => _server.Dispose();

    private async Task AnswerAsync(HttpListenerContext context)
    {
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

/// <summary>One request as the server saw it; header values raw, as sent on the wire.</summary>
public sealed record CapturedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
