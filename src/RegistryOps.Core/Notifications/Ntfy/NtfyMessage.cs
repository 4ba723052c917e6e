using System.Text;

namespace RegistryOps.Core.Notifications.Ntfy;

/// <summary>How a notification is put into ntfy's request: headers that survive HTTP's Latin-1,
/// and a body within ntfy's message limit.</summary>
public static class NtfyMessage
{
    /// <summary>ntfy's default message-size-limit; a longer body becomes an attachment or is refused.</summary>
    public const int MaxBodyBytes = 4096;

    /// <summary>
    /// A header value as ASCII. Non-ASCII text is sent as one RFC 2047 encoded word
    /// (<c>=?UTF-8?B?...?=</c>), which ntfy decodes for Title and Tags since 2.4.0; ASCII text
    /// goes as it is.
    /// </summary>
    public static string EncodeHeader(string value)
    {
        if (value.All(c => c is >= ' ' and <= '~'))
        {
            return value;
        }

        return "=?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) + "?=";
    }

    /// <summary>
    /// The body cut at a line boundary to fit <paramref name="maxBytes"/> of UTF-8, ending with
    /// "… and N more" (N the lines left out). A body that fits is returned unchanged.
    /// </summary>
    public static string Fit(string body, int maxBytes = MaxBodyBytes)
    {
        if (Encoding.UTF8.GetByteCount(body) <= maxBytes)
        {
            return body;
        }

        var lines = body.Split('\n');
        var kept = new StringBuilder();
        var keptBytes = 0;
        var count = 0;
        foreach (var line in lines)
        {
            var lineBytes = Encoding.UTF8.GetByteCount(line) + 1;
            if (keptBytes + lineBytes + Encoding.UTF8.GetByteCount(Suffix(lines.Length - count - 1)) > maxBytes)
            {
                break;
            }

            kept.Append(line).Append('\n');
            keptBytes += lineBytes;
            count++;
        }

        if (count == 0)
        {
            // One enormous first line: cut it at a character boundary instead.
            var room = maxBytes - Encoding.UTF8.GetByteCount(Suffix(lines.Length)) - 1;
            kept.Append(CutToBytes(lines[0], room)).Append('\n');
        }

        return kept + Suffix(lines.Length - count);
    }

    private static string Suffix(int more) => $"… and {more} more";

    private static string CutToBytes(string text, int maxBytes)
    {
        var length = Math.Min(text.Length, maxBytes);
        while (length > 0 && Encoding.UTF8.GetByteCount(text.AsSpan(0, length)) > maxBytes)
        {
            length--;
        }

        if (length > 0 && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return text[..length];
    }
}
