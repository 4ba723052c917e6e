using System.Runtime.InteropServices;

namespace RegistryOps.Hosting.Systemd;

/// <summary>CLOCK_MONOTONIC, the clock systemd expects in <c>MONOTONIC_USEC=</c>.</summary>
internal static partial class MonotonicClock
{
    private const int ClockMonotonic = 1;

    /// <summary>Microseconds since boot on the monotonic clock.</summary>
    public static long NowMicroseconds()
    {
        if (clock_gettime(ClockMonotonic, out var now) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new InvalidOperationException($"clock_gettime failed: errno {errno}");
        }

        return now.Seconds * 1_000_000 + now.Nanoseconds / 1_000;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // Stopwatch also reads CLOCK_MONOTONIC on Linux today, but that is an implementation detail
    // of the runtime; systemd compares this value with its own clock, so it is read directly.
    [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054 // a blittable out struct needs no marshalling code
    private static extern int clock_gettime(int clockId, out TimeSpec time);
#pragma warning restore SYSLIB1054
}
