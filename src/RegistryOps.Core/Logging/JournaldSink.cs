using System.Globalization;
using System.Net.Sockets;
using Serilog.Core;
using Serilog.Debugging;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace RegistryOps.Core.Logging;

/// <summary>
/// Writes events to journald through its native protocol: one Unix datagram per event with
/// MESSAGE, PRIORITY, SYSLOG_IDENTIFIER, MESSAGE_TEMPLATE, EXCEPTION and every property as an
/// upper-case field (Job → JOB, RunId → RUN_ID), so <c>journalctl JOB=gc</c> selects one job.
/// A failed send never reaches the application: it is reported to Serilog's SelfLog and dropped.
/// </summary>
public sealed class JournaldSink : ILogEventSink, IDisposable
{
    /// <summary>Where journald listens for native datagrams.</summary>
    public const string DefaultSocketPath = "/run/systemd/journal/socket";

    // Budgets (in characters per value) for the retries after EMSGSIZE.
    private static readonly int[] TruncationSteps = [8192, 1024];

    private static readonly HashSet<string> ReservedFields =
        ["MESSAGE", "PRIORITY", "SYSLOG_IDENTIFIER", "MESSAGE_TEMPLATE", "EXCEPTION"];

    private readonly UnixDomainSocketEndPoint _endPoint;
    private readonly string _identifier;
    private readonly int? _sendBufferSize;
    private readonly MessageTemplateTextFormatter _messageFormatter;
    private readonly IFormatProvider _formatProvider;
    private readonly Lock _gate = new();
    private Socket? _socket;

    /// <param name="socketPath">journald's socket; tests point it at their own.</param>
    /// <param name="identifier">SYSLOG_IDENTIFIER of every entry.</param>
    /// <param name="formatProvider">Culture for numbers and dates; invariant when null.</param>
    /// <param name="sendBufferSize">SO_SNDBUF of the socket, which also caps the size of one
    /// datagram; null keeps the system default. Tests lower it to provoke EMSGSIZE.</param>
    public JournaldSink(
        string socketPath = DefaultSocketPath,
        string identifier = "registryops",
        IFormatProvider? formatProvider = null,
        int? sendBufferSize = null)
    {
        _endPoint = new UnixDomainSocketEndPoint(socketPath);
        _identifier = identifier;
        _sendBufferSize = sendBufferSize;
        _formatProvider = formatProvider ?? CultureInfo.InvariantCulture;
        _messageFormatter = new MessageTemplateTextFormatter("{Message:lj}", _formatProvider);
    }

    public void Emit(LogEvent logEvent)
    {
        try
        {
            Send(logEvent);
        }
        catch (Exception exception)
        {
            SelfLog.WriteLine("journald sink: could not send an event to {0}: {1}", _endPoint, exception);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _socket?.Dispose();
            _socket = null;
        }
    }

    private void Send(LogEvent logEvent)
    {
        var entry = Build(logEvent, maxValueLength: null);

        lock (_gate)
        {
            var socket = _socket ??= CreateSocket();
            if (TrySend(socket, entry))
            {
                return;
            }

            // The datagram is larger than the socket allows. journald's other route for big
            // entries (an empty datagram carrying a sealed memfd) is not implemented here; the
            // entry is sent cut down instead, with a note saying so, rather than lost.
            foreach (var budget in TruncationSteps)
            {
                if (TrySend(socket, Build(logEvent, budget)))
                {
                    return;
                }
            }

            SelfLog.WriteLine("journald sink: an event was too large to send even when truncated");
        }
    }

    private bool TrySend(Socket socket, JournalEntryBuilder entry)
    {
        try
        {
            socket.SendTo(entry.Written.Span, SocketFlags.None, _endPoint);
            return true;
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.MessageSize)
        {
            return false;
        }
    }

    private Socket CreateSocket()
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        if (_sendBufferSize is { } size)
        {
            socket.SendBufferSize = size;
        }

        return socket;
    }

    private JournalEntryBuilder Build(LogEvent logEvent, int? maxValueLength)
    {
        var entry = new JournalEntryBuilder();

        var message = new StringWriter(_formatProvider);
        _messageFormatter.Format(logEvent, message);
        entry.Add("MESSAGE", Limit(message.ToString(), maxValueLength));

        var priority = JournalPriority.FromLevel(logEvent.Level);
        entry.Add("PRIORITY", priority.ToString(CultureInfo.InvariantCulture));
        entry.Add("SYSLOG_IDENTIFIER", _identifier);

        if (maxValueLength is null)
        {
            entry.Add("MESSAGE_TEMPLATE", logEvent.MessageTemplate.Text);
        }

        if (logEvent.Exception is { } exception)
        {
            entry.Add("EXCEPTION", Limit(exception.ToString(), maxValueLength));
        }

        foreach (var (name, value) in logEvent.Properties)
        {
            AddProperty(entry, name, value, maxValueLength);
        }

        return entry;
    }

    private void AddProperty(
        JournalEntryBuilder entry,
        string name,
        LogEventPropertyValue value,
        int? maxValueLength)
    {
        // Microsoft.Extensions.Logging's event id arrives as a structure { Id, Name }.
        if (name == "EventId" && value is StructureValue eventId)
        {
            foreach (var part in eventId.Properties)
            {
                AddProperty(entry, "Event" + part.Name, part.Value, maxValueLength);
            }

            return;
        }

        var field = JournalFieldName.FromPropertyName(name);
        if (field is null || ReservedFields.Contains(field))
        {
            return;
        }

        var text = Render(value);
        if (text is not null)
        {
            entry.Add(field, Limit(text, maxValueLength));
        }
    }

    private string? Render(LogEventPropertyValue value)
    {
        if (value is not ScalarValue scalar)
        {
            var writer = new StringWriter(_formatProvider);
            value.Render(writer, null, _formatProvider);
            return writer.ToString();
        }

        return scalar.Value switch
        {
            null => null,
            string text => text,
            DateTimeOffset instant => instant.ToString("O", CultureInfo.InvariantCulture),
            DateTime instant => instant.ToString("O", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, _formatProvider),
            var other => other.ToString(),
        };
    }

    private static string Limit(string value, int? maxLength)
    {
        if (maxLength is not { } max || value.Length <= max)
        {
            return value;
        }

        return string.Concat(value.AsSpan(0, max),
            $" [truncated: {value.Length} characters did not fit in one journal datagram]");
    }
}
