using RegistryOps.Core.Logging;

namespace RegistryOps.Tests.Logging;

public sealed class JournalStreamTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("ro-fd-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Theory]
    [InlineData("8:4711", true)]
    [InlineData("8:4712", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("garbage", false)]
    public void IsConnected_ComparesTheInodeOfTheDescriptorLink(string? journalStream, bool expected)
    {
        // Stands in for /proc/self/fd/2 of a service whose output systemd connected to journald.
        var link = Path.Combine(_directory.FullName, "2");
        File.CreateSymbolicLink(link, "socket:[4711]");

        Assert.Equal(expected, JournalStream.IsConnected(journalStream, link));
    }

    [Fact]
    public void IsConnected_DescriptorIsAFileNotASocket_IsFalse()
    {
        var link = Path.Combine(_directory.FullName, "1");
        File.CreateSymbolicLink(link, "/dev/pts/0");

        Assert.False(JournalStream.IsConnected("8:4711", link));
    }
}
