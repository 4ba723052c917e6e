using RegistryOps.Core.Distribution;

namespace RegistryOps.Tests.Distribution;

public sealed class RateLimitInfoTests
{
    [Theory]
    [InlineData("100;w=21600", 100, 21600)]
    [InlineData("76;w=300", 76, 300)]
    [InlineData("100", 100, null)]
    [InlineData(";w=21600", null, 21600)]
    [InlineData("", null, null)]
    [InlineData("lots", null, null)]
    public void Parse_ReadsNumberAndWindow_MissingPartsAreUnknown(string header, int? value, int? windowSeconds)
    {
        var (parsed, window) = RateLimitInfo.Parse(header);

        Assert.Equal(value, parsed);
        Assert.Equal(windowSeconds is null ? null : TimeSpan.FromSeconds(windowSeconds.Value), window);
    }

    [Fact]
    public void FromHeaders_NoHeaders_IsNull()
    {
        using var response = new HttpResponseMessage();

        Assert.Null(RateLimitInfo.FromHeaders(response.Headers));
    }
}
