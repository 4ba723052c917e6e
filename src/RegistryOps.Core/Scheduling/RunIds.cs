using System.Globalization;

namespace RegistryOps.Core.Scheduling;

/// <summary>
/// Run ids: 12 hex digits, the Unix second of the start (8 digits, good until 2106) followed by 16
/// random bits. They sort by start time to the second, are short enough to type in
/// <c>journalctl RUN_ID=…</c>, and two processes (daemon and a one-shot) cannot coordinate a
/// counter, hence the random part.
/// </summary>
internal static class RunIds
{
    public static string New(TimeProvider time)
    {
        var seconds = (uint)time.GetUtcNow().ToUnixTimeSeconds();
        var random = (ushort)Random.Shared.Next(0, 1 << 16);
        return string.Create(CultureInfo.InvariantCulture, $"{seconds:x8}{random:x4}");
    }
}
