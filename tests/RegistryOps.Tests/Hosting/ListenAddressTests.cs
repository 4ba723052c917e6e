using Microsoft.AspNetCore.Server.Kestrel.Core;
using RegistryOps.Hosting;

namespace RegistryOps.Tests.Hosting;

// The accepted forms are bound by every daemon test (127.0.0.1:PORT); Kestrel keeps its list
// of listen options internal, so only the refusals are checked here.
public sealed class ListenAddressTests
{
    [Theory]
    [InlineData("9464")]
    [InlineData("127.0.0.1:port")]
    [InlineData(":9464")]
    public void Apply_NotHostAndPort_Throws(string listen)
    {
        Assert.Throws<FormatException>(() => ListenAddress.Apply(new KestrelServerOptions(), listen));
    }
}
