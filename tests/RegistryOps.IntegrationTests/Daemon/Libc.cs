using System.Runtime.InteropServices;

namespace RegistryOps.IntegrationTests.Daemon;

internal static class Libc
{
    public const int SIGHUP = 1;
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;

    public static void Kill(int pid, int signal)
    {
        if (kill(pid, signal) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {errno}");
        }
    }

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054 // two ints: nothing to marshal
    private static extern int kill(int pid, int signal);
#pragma warning restore SYSLIB1054
}
