using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RegistryOps.Core.Configuration;

namespace RegistryOps.ControlSocket;

/// <summary>
/// Serves newline-delimited JSON on <c>control.sock</c> in the runtime directory, for the
/// <c>status</c>, <c>trigger</c> and <c>history</c> commands. The socket is mode 0660: anyone who
/// may start jobs by hand is someone the operator put in the daemon's group.
/// </summary>
internal sealed class ControlSocketServer(
    IConfigProvider config,
    ControlRequestHandler handler,
    ILogger<ControlSocketServer> logger) : BackgroundService
{
    public const string SocketFileName = "control.sock";
    private const int MaxRequestBytes = 16 * 1024;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = Path.Combine(config.Current.Paths.Runtime, SocketFileName);
        using var listener = Bind(path);
        if (listener is null)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var client = await listener.AcceptAsync(stoppingToken);
                _ = ServeAsync(client, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: not an error.
        }
        finally
        {
            TryDelete(path);
        }
    }

    private Socket? Bind(string path)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            TryDelete(path);
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Bind(new UnixDomainSocketEndPoint(path));
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite
                | UnixFileMode.GroupRead | UnixFileMode.GroupWrite);
            socket.Listen(16);
            ControlSocketLog.Listening(logger, path);
            return socket;
        }
        catch (Exception ex) when (ex is SocketException or IOException or UnauthorizedAccessException)
        {
            // The daemon's jobs matter more than its control socket: run without it and say so.
            ControlSocketLog.BindFailed(logger, ex, path);
            return null;
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken cancellationToken)
    {
        await using var stream = new NetworkStream(client, ownsSocket: true);
        using var reader = new StreamReader(stream, Encoding.UTF8, false, MaxRequestBytes);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true };
        try
        {
            var line = await reader.ReadLineAsync(cancellationToken);
            var response = await AnswerAsync(line, cancellationToken);
            await writer.WriteLineAsync(JsonSerializer.Serialize(response, ControlJson.Options));
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
            ControlSocketLog.ClientDropped(logger, ex.Message);
        }
    }

    private async Task<ControlResponse> AnswerAsync(string? line, CancellationToken cancellationToken)
    {
        ControlRequest? request;
        try
        {
            request = line is null ? null : JsonSerializer.Deserialize<ControlRequest>(line, ControlJson.Options);
        }
        catch (JsonException ex)
        {
            return ControlResponse.Failure($"request is not valid JSON: {ex.Message}");
        }

        if (request?.Command is null)
        {
            return ControlResponse.Failure("request needs a command");
        }

        ControlSocketLog.Request(logger, request.Command, request.Job);
        return await handler.HandleAsync(request, cancellationToken);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A stale socket that cannot be removed makes Bind fail, which is reported there.
        }
    }
}
