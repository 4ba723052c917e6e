using System.Globalization;

namespace RegistryOps.Core.Scheduling;

/// <summary>
/// Run ids: 12 hex digits, the Unix second of the start (8 digits, good until 2106) followed by a
/// 16-bit sequence. They sort by start time to the second and are short enough to type in
/// <c>journalctl RUN_ID=…</c>. The sequence starts at a random point and counts up, so ids made in
/// one process never repeat within a second, and a second process (a one-shot next to the daemon)
/// almost never meets the same value in the same second.
/// </summary>
internal static class RunIds
{
    private static int _sequence = Random.Shared.Next();

    public static string New(TimeProvider time)
    {
        var seconds = (uint)time.GetUtcNow().ToUnixTimeSeconds();
        var sequence = (ushort)Interlocked.Increment(ref _sequence);
        return string.Create(CultureInfo.InvariantCulture, $"{seconds:x8}{sequence:x4}");
    }
}
