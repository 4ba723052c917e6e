using RegistryOps.Commands.Sync;
using RegistryOps.Core.Distribution;

namespace RegistryOps.Tests.Sync;

public sealed class HubLimitCommandTests
{
    [Fact]
    public async Task Prints_limit_remaining_used_and_window_from_one_head()
    {
        var hub = new FakeRegistry("docker.io")
        {
            LastRateLimit = new RateLimitInfo(100, 76, TimeSpan.FromSeconds(21600)),
        };
        var output = new StringWriter();

        var exit = await HubLimitCommand.RunAsync(hub, output, new StringWriter(), default);

        Assert.Equal(0, exit);
        Assert.Equal("limit:     100\nremaining: 76\nused:      24.0%\nwindow:    6h\n",
            output.ToString().Replace("\r", ""));
        Assert.Equal(1, hub.Calls("head"));
        Assert.Equal(0, hub.Calls("get"));
    }

    [Fact]
    public void Missing_numbers_are_unknown() =>
        Assert.Contains("remaining: unknown", HubLimitCommand.Format(new RateLimitInfo(100, null, null)));

    [Fact]
    public async Task Unreachable_hub_exits_2()
    {
        var hub = new FakeRegistry("docker.io") { Unreachable = true };

        Assert.Equal(2, await HubLimitCommand.RunAsync(hub, new StringWriter(), new StringWriter(), default));
    }
}
