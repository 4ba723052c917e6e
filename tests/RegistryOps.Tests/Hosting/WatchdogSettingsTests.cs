using RegistryOps.Hosting.Systemd;

namespace RegistryOps.Tests.Hosting;

public sealed class WatchdogSettingsTests
{
    [Theory]
    [InlineData("60000000", null, 30_000)]
    [InlineData("60000000", "", 30_000)]
    [InlineData("60000000", "4242", 30_000)]
    [InlineData("1000", "4242", 0.5)]
    public void PingInterval_WatchdogForThisProcess_IsHalfTheTimeout(string usec, string? pid, double ms)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(ms), WatchdogSettings.PingInterval(usec, pid, 4242));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("0", null)]
    [InlineData("-5", null)]
    [InlineData("soon", null)]
    [InlineData("60000000", "1")]
    [InlineData("60000000", "not-a-pid")]
    public void PingInterval_NoWatchdogOrAnotherProcesss_IsNull(string? usec, string? pid)
    {
        Assert.Null(WatchdogSettings.PingInterval(usec, pid, 4242));
    }
}
