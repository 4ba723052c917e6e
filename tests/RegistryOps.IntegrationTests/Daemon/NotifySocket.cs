using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace RegistryOps.IntegrationTests.Daemon;

/// <summary>Plays systemd's side of sd_notify: a Unix datagram socket whose path goes into the
/// daemon's NOTIFY_SOCKET. Messages are read in order, as systemd reads them.</summary>
internal sealed class NotifySocket : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly Channel<string> _messages = Channel.CreateUnbounded<string>();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _seen = [];
    private string? _lastStatus;

    public NotifySocket(string path)
    {
        Path = path;
        _socket.Bind(new UnixDomainSocketEndPoint(path));
        _ = ReceiveLoopAsync();
    }

    public string Path { get; }

    /// <summary>The value of the newest STATUS= received (consumed or not).</summary>
    public string? LastStatus => Volatile.Read(ref _lastStatus);

    /// <summary>Every message consumed so far, for failure messages.</summary>
    public string Seen
    {
        get
        {
            lock (_seen)
            {
                return string.Join(" | ", _seen.Select(m => m.Replace('\n', ' ')));
            }
        }
    }

    /// <summary>Consumes messages until one satisfies <paramref name="match"/>; null on timeout.</summary>
    public async Task<string?> NextAsync(Func<string, bool> match, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var message = await _messages.Reader.ReadAsync(cancellation.Token);
                lock (_seen)
                {
                    _seen.Add(message);
                }

                if (match(message))
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public Task<string?> NextAsync(string line, TimeSpan timeout) =>
        NextAsync(message => message.Split('\n').Contains(line), timeout);

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[8192];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var count = await _socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                var message = Encoding.UTF8.GetString(buffer, 0, count);
                var statuses = message.Split('\n').Where(l => l.StartsWith("STATUS=", StringComparison.Ordinal));
                foreach (var line in statuses)
                {
                    Volatile.Write(ref _lastStatus, line["STATUS=".Length..]);
                }

                _messages.Writer.TryWrite(message);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException
                                              or SocketException)
        {
            _messages.Writer.TryComplete();
        }
    }
}
