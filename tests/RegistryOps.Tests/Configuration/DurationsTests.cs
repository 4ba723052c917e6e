using RegistryOps.Core.Configuration;

namespace RegistryOps.Tests.Configuration;

public sealed class DurationsTests
{
    // Text as written in the config file, and the duration it means in milliseconds.
    [Theory]
    [InlineData("0", 0)]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("10m", 600_000)]
    [InlineData("6h", 21_600_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("2d", 172_800_000)]
    [InlineData("1d12h", 129_600_000)]
    [InlineData("1m500ms", 60_500)]
    [InlineData("0s", 0)]
    [InlineData("90s", 90_000)]
    public void TryParse_ValidText_GivesTheDuration(string text, long milliseconds)
    {
        Assert.True(Durations.TryParse(text, out var value, out var error), error);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    // Text that must be refused, and a piece of the message that says why.
    [Theory]
    [InlineData("", "expected a duration")]
    [InlineData("30", "needs a unit")]
    [InlineData("1.5h", "expected a duration")]
    [InlineData("10 minutes", "expected a duration")]
    [InlineData("-5m", "expected a duration")]
    [InlineData("5w", "unknown duration unit 'w'")]
    [InlineData("30m1h", "largest to smallest")]
    [InlineData("1h1h", "largest to smallest")]
    [InlineData("h", "expected a duration")]
    [InlineData("99999999999999999d", "too long")]
    public void TryParse_InvalidText_IsRefusedWithAReason(string text, string reason)
    {
        Assert.False(Durations.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(500, "500ms")]
    [InlineData(5_400_000, "1h30m")]
    [InlineData(172_800_000, "2d")]
    public void Format_WritesWhatTryParseReads(long milliseconds, string text)
    {
        var value = TimeSpan.FromMilliseconds(milliseconds);

        Assert.Equal(text, Durations.Format(value));
        Assert.True(Durations.TryParse(text, out var back, out _));
        Assert.Equal(value, back);
    }
}
