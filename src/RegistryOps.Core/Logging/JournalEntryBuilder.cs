using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace RegistryOps.Core.Logging;

/// <summary>
/// Serialises one journal entry in journald's native protocol: one field after another, each
/// either <c>NAME=value\n</c> or, when the value holds a newline, the binary form
/// <c>NAME\n</c>, the value's length as a 64-bit little-endian integer, the value, <c>\n</c>.
/// </summary>
internal sealed class JournalEntryBuilder
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    public int Length => _buffer.WrittenCount;

    public ReadOnlyMemory<byte> Written => _buffer.WrittenMemory;

    /// <summary>Appends a field. <paramref name="name"/> must already be a valid field name.</summary>
    public void Add(string name, string value)
    {
        WriteAscii(name);

        if (!value.Contains('\n'))
        {
            WriteByte((byte)'=');
            WriteUtf8(value);
            WriteByte((byte)'\n');
            return;
        }

        WriteByte((byte)'\n');

        var length = Encoding.UTF8.GetByteCount(value);
        var span = _buffer.GetSpan(sizeof(ulong));
        BinaryPrimitives.WriteUInt64LittleEndian(span, (ulong)length);
        _buffer.Advance(sizeof(ulong));

        WriteUtf8(value);
        WriteByte((byte)'\n');
    }

    private void WriteAscii(string text)
    {
        var count = Encoding.ASCII.GetBytes(text, _buffer.GetSpan(text.Length));
        _buffer.Advance(count);
    }

    private void WriteUtf8(string text)
    {
        var count = Encoding.UTF8.GetBytes(text, _buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length)));
        _buffer.Advance(count);
    }

    private void WriteByte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }
}
