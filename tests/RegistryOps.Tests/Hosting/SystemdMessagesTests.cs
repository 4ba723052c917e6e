using RegistryOps.Hosting.Systemd;

namespace RegistryOps.Tests.Hosting;

public sealed class SystemdMessagesTests
{
    [Fact]
    public void Status_MultiLineText_StaysOneField()
    {
        Assert.Equal("STATUS=running: sync next: gc at 02:30",
            SystemdMessages.Status("running: sync\nnext: gc at 02:30").ToString());
    }

    [Fact]
    public void Reloading_CarriesTheMonotonicTimestamp()
    {
        Assert.Equal("RELOADING=1\nMONOTONIC_USEC=123456789", SystemdMessages.Reloading(123456789).ToString());
    }

    [Fact]
    public void MonotonicClock_AdvancesAndIsNotWallClock()
    {
        var first = MonotonicClock.NowMicroseconds();
        Thread.Sleep(5);
        var second = MonotonicClock.NowMicroseconds();

        Assert.InRange(second - first, 4_000, 5_000_000);
        Assert.True(first < DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000 / 2);
    }
}
