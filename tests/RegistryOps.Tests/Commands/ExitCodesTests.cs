using RegistryOps.Commands;
using RegistryOps.Core.Jobs;
using RegistryOps.Hosting;

namespace RegistryOps.Tests.Commands;

public sealed class ExitCodesTests
{
    [Theory]
    [InlineData(JobOutcome.Succeeded, 0)]
    [InlineData(JobOutcome.Failed, 2)]
    [InlineData(JobOutcome.Partial, 3)]
    [InlineData(JobOutcome.Skipped, 4)]
    [InlineData(JobOutcome.Cancelled, 130)]
    [InlineData(JobOutcome.Abandoned, 70)]
    public void Once_OutcomeMapsToItsDocumentedExitCode(JobOutcome outcome, int code)
    {
        Assert.Equal(code, OneShot.ToExitCode(outcome));
    }

    [Fact]
    public void ConfigPath_OptionWinsOverEnvironmentOverDefault()
    {
        var saved = Environment.GetEnvironmentVariable(ConfigPath.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(ConfigPath.EnvironmentVariable, null);
            Assert.Equal("/etc/registryops/registryops.yml", ConfigPath.Resolve(null));

            Environment.SetEnvironmentVariable(ConfigPath.EnvironmentVariable, "/srv/ro.yml");
            Assert.Equal("/srv/ro.yml", ConfigPath.Resolve(null));
            Assert.Equal("config/registryops.yml", ConfigPath.Resolve("config/registryops.yml"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(ConfigPath.EnvironmentVariable, saved);
        }
    }
}
