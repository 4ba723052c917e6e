using RegistryOps.Core;

namespace RegistryOps.Tests.Scheduling;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData(0, "0ms")]
    [InlineData(250, "250ms")]
    [InlineData(2_500, "2.5s")]
    [InlineData(45_000, "45s")]
    [InlineData(600_000, "10m")]
    [InlineData(5_400_000, "1h30m")]
    [InlineData(90_061_000, "1d1h1m1s")]
    public void Format_UsesTheConfigNotation(long milliseconds, string expected)
    {
        Assert.Equal(expected, DurationText.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }
}
