using System.Text;
using RegistryOps.Core.Notifications.Ntfy;

namespace RegistryOps.Tests.Notifications;

public sealed class NtfyMessageTests
{
    [Fact]
    public void EncodeHeader_Ascii_IsUnchanged()
    {
        Assert.Equal("registry: 3 changes", NtfyMessage.EncodeHeader("registry: 3 changes"));
    }

    [Fact]
    public void EncodeHeader_NonAscii_IsAnRfc2047EncodedWordOfTheUtf8Bytes()
    {
        var encoded = NtfyMessage.EncodeHeader("Größe ✓ 注册表");

        Assert.StartsWith("=?UTF-8?B?", encoded);
        Assert.EndsWith("?=", encoded);
        Assert.Equal("Größe ✓ 注册表", Encoding.UTF8.GetString(Convert.FromBase64String(encoded[10..^2])));
        Assert.All(encoded, c => Assert.True(c < 128));
    }

    [Fact]
    public void Fit_ShortBody_IsUnchanged()
    {
        Assert.Equal("a\nb", NtfyMessage.Fit("a\nb"));
    }

    [Fact]
    public void Fit_LongBody_IsCutAtALineBoundary_AndSaysHowManyLinesWereLeftOut()
    {
        var lines = Enumerable.Range(1, 500).Select(i => $"- `repository-{i:000}` (3 tags) ✓").ToList();

        var fitted = NtfyMessage.Fit(string.Join('\n', lines));

        Assert.True(Encoding.UTF8.GetByteCount(fitted) <= NtfyMessage.MaxBodyBytes);
        var kept = fitted.Split('\n');
        var suffix = kept[^1];
        Assert.Matches(@"^… and \d+ more$", suffix);
        Assert.Equal(lines.Take(kept.Length - 1), kept[..^1]);
        Assert.Equal(500 - (kept.Length - 1), int.Parse(suffix.Split(' ')[2]));
    }

    [Fact]
    public void Fit_OneHugeLine_IsCutInside_WithoutBreakingACharacter()
    {
        var fitted = NtfyMessage.Fit(new string('é', 5000), 100);

        Assert.True(Encoding.UTF8.GetByteCount(fitted) <= 100);
        Assert.EndsWith("… and 1 more", fitted);
        Assert.DoesNotContain('\uFFFD', fitted);
    }
}
