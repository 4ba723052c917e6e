using System.Net;

namespace RegistryOps.IntegrationTests.Infrastructure;

/// <summary>
/// An HTTP listener on a free loopback port that hands every request to one handler. A handler
/// that throws has its response aborted, as a broken server's would be. With
/// <c>oneAtATime</c> requests are answered in the order they arrive; otherwise each runs on its
/// own task.
/// </summary>
public sealed class LoopbackListener : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, Task> _handle;
    private readonly bool _oneAtATime;

    public LoopbackListener(Func<HttpListenerContext, Task> handle, bool oneAtATime = false)
    {
        _handle = handle;
        _oneAtATime = oneAtATime;
        Port = FreePort.Next();
        BaseUri = new Uri($"http://127.0.0.1:{Port}/");
        _listener.Prefixes.Add(BaseUri.AbsoluteUri);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri BaseUri { get; }

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
                // Closed by Dispose.
                return;
            }

            if (_oneAtATime)
            {
                await AnswerAsync(context);
            }
            else
            {
                _ = Task.Run(() => AnswerAsync(context));
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            await _handle(context);
        }
        catch (Exception)
        {
            context.Response.Abort();
        }
    }
}
