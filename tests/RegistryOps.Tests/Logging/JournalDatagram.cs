using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace RegistryOps.Tests.Logging;

/// <summary>Test side of journald's native protocol: a socket to receive entries on and a
/// parser for the two field forms. Shared with the daemon tests (linked file).</summary>
internal sealed class JournalDatagramReceiver : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly string _directory;

    public JournalDatagramReceiver()
    {
        _directory = Directory.CreateTempSubdirectory("ro-journal-").FullName;
        SocketPath = Path.Combine(_directory, "socket");
        _socket.Bind(new UnixDomainSocketEndPoint(SocketPath));
    }

    public string SocketPath { get; }

    /// <summary>The next entry, or null when none arrives within <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyDictionary<string, string>?> ReceiveAsync(TimeSpan timeout)
    {
        var buffer = new byte[1 << 20];
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            var count = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellation.Token);
            return JournalDatagram.Parse(buffer.AsSpan(0, count));
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Entries until one matches, or null when <paramref name="timeout"/> passes first.</summary>
    public async Task<IReadOnlyDictionary<string, string>?> WaitForAsync(
        Func<IReadOnlyDictionary<string, string>, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var entry = await ReceiveAsync(deadline - DateTime.UtcNow);
            if (entry is not null && match(entry))
            {
                return entry;
            }
        }

        return null;
    }

    public void Dispose()
    {
        _socket.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}

internal static class JournalDatagram
{
    public static IReadOnlyDictionary<string, string> Parse(ReadOnlySpan<byte> datagram)
    {
        var fields = new Dictionary<string, string>();
        while (!datagram.IsEmpty)
        {
            var end = datagram.IndexOf((byte)'\n');
            var equals = datagram.IndexOf((byte)'=');
            if (equals >= 0 && equals < end)
            {
                fields[Encoding.ASCII.GetString(datagram[..equals])] =
                    Encoding.UTF8.GetString(datagram[(equals + 1)..end]);
                datagram = datagram[(end + 1)..];
                continue;
            }

            var name = Encoding.ASCII.GetString(datagram[..end]);
            var length = (int)BinaryPrimitives.ReadUInt64LittleEndian(datagram.Slice(end + 1, 8));
            var value = datagram.Slice(end + 9, length);
            if (datagram[end + 9 + length] != (byte)'\n')
            {
                throw new FormatException($"binary field {name} does not end with a newline");
            }

            fields[name] = Encoding.UTF8.GetString(value);
            datagram = datagram[(end + 10 + length)..];
        }

        return fields;
    }
}
