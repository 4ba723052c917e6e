using RegistryOps.Core.Configuration;

namespace RegistryOps.Tests.Configuration;

public sealed class ConfigProviderTests : IDisposable
{
    private readonly TempConfigDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Constructor_InvalidFile_ThrowsWithEveryProblem()
    {
        var path = _dir.WriteConfig("registry:", "  page_size: x", "  colour: blue");

        var exception = Assert.Throws<ConfigException>(() => new ConfigProvider(path));

        Assert.Equal(2, exception.Problems.Count);
        Assert.Contains($"{path}:2:14: error: registry.page_size:", exception.Message);
        Assert.Contains($"{path}:3:3: error: registry.colour:", exception.Message);
    }

    [Fact]
    public void Reload_BrokenFile_KeepsTheOldSnapshotAndDoesNotRaiseChanged()
    {
        var path = _dir.WriteConfig("registry:", "  page_size: 10");
        var provider = new ConfigProvider(path);
        var before = provider.Current;
        var raised = 0;
        provider.Changed += _ => raised++;

        _dir.WriteConfig("registry:", "\tpage_size: 20");
        var problems = provider.Reload();

        Assert.Equal((2, 1), (Assert.Single(problems).Line, problems[0].Column));
        Assert.Same(before, provider.Current);
        Assert.Equal(10, provider.Current.Registry.PageSize);
        Assert.Equal(0, raised);
    }

    [Fact]
    public void Reload_GoodFile_SwapsTheSnapshotAndRaisesChangedWithIt()
    {
        var path = _dir.WriteConfig("registry:", "  page_size: 10");
        var provider = new ConfigProvider(path);
        var before = provider.Current;
        RegistryOpsConfig? seen = null;
        provider.Changed += config => seen = config;

        _dir.WriteConfig("registry:", "  page_size: 20");
        var problems = provider.Reload();

        Assert.Empty(problems);
        Assert.NotSame(before, provider.Current);
        Assert.Equal(20, provider.Current.Registry.PageSize);
        Assert.Same(provider.Current, seen);
        Assert.Equal(10, before.Registry.PageSize);
    }

    [Fact]
    public void Reload_GoodFileWithWarnings_SucceedsAndKeepsTheWarnings()
    {
        var path = _dir.WriteConfig("registry:", "  page_size: 10");
        var provider = new ConfigProvider(path);

        _dir.WriteConfig("metrics:", "  listen: 0.0.0.0:9464");
        var problems = provider.Reload();

        Assert.Empty(problems);
        Assert.Equal("metrics.listen", Assert.Single(provider.Warnings).KeyPath);
    }
}
