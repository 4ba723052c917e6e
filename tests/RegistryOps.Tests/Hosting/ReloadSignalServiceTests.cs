using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using RegistryOps.Core.Configuration;
using RegistryOps.Hosting.Systemd;

namespace RegistryOps.Tests.Hosting;

public sealed class ReloadSignalServiceTests
{
    private readonly RecordingNotifier _notifier = new();
    private readonly IConfigProvider _config = Substitute.For<IConfigProvider>();
    private readonly List<bool> _results = [];

    public ReloadSignalServiceTests()
    {
        _config.Current.Returns(new RegistryOpsConfig { SourcePath = "/etc/registryops/registryops.yml" });
    }

    [Fact]
    public void Reload_ValidFile_SendsReloadingThenReadyAndCountsOk()
    {
        _config.Reload().Returns([]);
        var before = MonotonicClock.NowMicroseconds();

        var accepted = CreateService().Reload();

        Assert.True(accepted);
        Assert.Equal([true], _results);
        Assert.Equal(2, _notifier.Sent.Count);
        var reloading = _notifier.Sent[0].Split('\n');
        Assert.Equal("RELOADING=1", reloading[0]);
        var stamp = long.Parse(reloading[1]["MONOTONIC_USEC=".Length..]);
        Assert.InRange(stamp, before, MonotonicClock.NowMicroseconds());
        Assert.Equal("READY=1", _notifier.Sent[1]);
    }

    [Fact]
    public void Reload_FileWithErrors_IsRejectedButStillEndsWithReady()
    {
        _config.Reload().Returns([
            new ConfigProblem("registryops.yml", 3, 5, "jobs.changes.schedule", "bad cron"),
            new ConfigProblem("registryops.yml", 9, 1, "", "odd but allowed") { IsWarning = true },
        ]);

        var accepted = CreateService().Reload();

        Assert.False(accepted);
        Assert.Equal([false], _results);
        Assert.Equal("READY=1", _notifier.Sent[^1]);
    }

    [Fact]
    public void Reload_OnlyWarnings_IsAccepted()
    {
        _config.Reload().Returns([new ConfigProblem("registryops.yml", 1, 1, "", "note") { IsWarning = true }]);

        Assert.True(CreateService().Reload());
        Assert.Equal([true], _results);
    }

    [Fact]
    public void Reload_ProviderThrows_CountsAFailureAndKeepsGoing()
    {
        _config.Reload().Returns(_ => throw new IOException("disk gone"));

        var accepted = CreateService().Reload();

        Assert.False(accepted);
        Assert.Equal([false], _results);
        Assert.Equal("READY=1", _notifier.Sent[^1]);
    }

    private ReloadSignalService CreateService() =>
        new(_config, _notifier, new Observer(_results), NullLogger<ReloadSignalService>.Instance);

    private sealed class Observer(List<bool> results) : IReloadObserver
    {
        public void Reloaded(bool accepted) => results.Add(accepted);
    }
}
