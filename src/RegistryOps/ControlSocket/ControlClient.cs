using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace RegistryOps.ControlSocket;

/// <summary>The CLI side of the control socket: one request, one response.</summary>
internal static class ControlClient
{
    public static async Task<ControlResponse> SendAsync(string runtimeDirectory, ControlRequest request,
        CancellationToken cancellationToken)
    {
        var path = Path.Combine(runtimeDirectory, ControlSocketServer.SocketFileName);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
        }
        catch (SocketException ex)
        {
            throw new IOException($"the daemon does not answer on {path} ({ex.SocketErrorCode}); is it running?", ex);
        }

        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true };
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await writer.WriteLineAsync(JsonSerializer.Serialize(request, ControlJson.Options));

        var line = await reader.ReadLineAsync(cancellationToken)
            ?? throw new IOException($"the daemon closed {path} without an answer");
        return JsonSerializer.Deserialize<ControlResponse>(line, ControlJson.Options)
            ?? throw new IOException($"the daemon's answer on {path} was empty");
    }
}
