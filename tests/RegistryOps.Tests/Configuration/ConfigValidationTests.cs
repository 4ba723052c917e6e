using RegistryOps.Core.Configuration;

namespace RegistryOps.Tests.Configuration;

public sealed class ConfigValidationTests : IDisposable
{
    private readonly TempConfigDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://127.8.9.10:5000")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://[::1]:5000")]
    [InlineData("https://registry.example.com")]
    public void RegistryUrl_LoopbackHttpOrHttps_IsAccepted(string url)
    {
        var result = Load("registry:", $"  url: {url}");

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
    }

    [Fact]
    public void RegistryUrl_PlainHttpToAnotherHost_IsRefusedUnlessAllowed()
    {
        var refused = Load("registry:", "  url: http://10.0.0.5:5000");
        var allowed = Load("registry:", "  url: http://10.0.0.5:5000", "  allow_insecure_http: true");

        var problem = Assert.Single(refused.Problems);
        Assert.Equal((2, 8, "registry.url"), (problem.Line, problem.Column, problem.KeyPath));
        Assert.Contains("allow_insecure_http", problem.Message);
        Assert.True(allowed.IsValid);
    }

    [Theory]
    [InlineData("registry.example.com")]
    [InlineData("ftp://registry.example.com")]
    [InlineData("/v2/")]
    public void RegistryUrl_NotAnAbsoluteHttpUrl_IsRefused(string url)
    {
        var problem = Assert.Single(Load("registry:", $"  url: {url}").Problems);

        Assert.Contains("expected an absolute http:// or https:// URL", problem.Message);
    }

    [Fact]
    public void Registry_NumbersAndFiles_AreChecked()
    {
        var problems = Load(
            "registry:",
            "  max_concurrency: 0",
            "  page_size: -1",
            "  request_timeout: 0",
            "  ca_file: missing-ca.pem").Problems;

        Assert.Equal(
            ["registry.max_concurrency", "registry.page_size", "registry.request_timeout", "registry.ca_file"],
            problems.Select(p => p.KeyPath));
    }

    [Fact]
    public void MetricsListen_NotHostPort_IsRefused_AndNonLoopbackWarns()
    {
        var bad = Load("metrics:", "  listen: 9464");
        var open = Load("metrics:", "  listen: 0.0.0.0:9464");
        var ipv6 = Load("metrics:", "  listen: '[::1]:9464'");

        Assert.Equal("metrics.listen", Assert.Single(bad.Errors).KeyPath);
        Assert.True(open.IsValid);
        Assert.True(Assert.Single(open.Problems).IsWarning);
        Assert.Empty(ipv6.Problems);
    }

    [Fact]
    public void Timezone_Unknown_IsRefusedWithASuggestion()
    {
        var problem = Assert.Single(Load("timezone: Europe/Berln").Problems);

        Assert.Equal((1, 11), (problem.Line, problem.Column));
        Assert.Contains("did you mean 'Europe/Berlin'?", problem.Message);
    }

    [Fact]
    public void Ntfy_SectionPresent_NeedsUrlAndTopic_ReportedAtTheSection()
    {
        var problems = Load("notifications:", "  ntfy:", "    min_priority: high").Problems;

        Assert.Equal(
            [(2, 3, "notifications.ntfy.url"), (2, 3, "notifications.ntfy.topic")],
            problems.Select(p => (p.Line, p.Column, p.KeyPath)));
        Assert.All(problems, p => Assert.StartsWith("missing required value", p.Message));
    }

    [Fact]
    public void Ntfy_BadTopic_IsRefused()
    {
        var problem = Assert.Single(Load(
            "notifications:", "  ntfy:", "    url: https://ntfy.sh", "    topic: 'my topic!'").Problems);

        Assert.Equal((4, 12, "notifications.ntfy.topic"), (problem.Line, problem.Column, problem.KeyPath));
    }

    [Fact]
    public void Jobs_TimeoutsAndThresholds_AreChecked()
    {
        var problems = Load(
            "jobs:",
            "  changes:",
            "    timeout: 0",
            "    parallelism: 0",
            "  sync:",
            "    hub_warn_below: 50",
            "    hub_abort_below: 50").Problems;

        Assert.Equal(
            ["jobs.changes.timeout", "jobs.changes.parallelism", "jobs.sync.hub_abort_below"],
            problems.Select(p => p.KeyPath));
        Assert.Contains("must be below jobs.sync.hub_warn_below", problems[2].Message);
    }

    [Fact]
    public void Jobs_MissedPolicyWithoutSchedule_Warns()
    {
        var result = Load("jobs:", "  changes:", "    missed: run_once");

        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Problems);
        Assert.Equal("jobs.changes.missed", warning.KeyPath);
        Assert.Contains(": warning: jobs.changes.missed:", warning.ToString());
    }

    private ConfigLoadResult Load(params string[] lines) => ConfigLoader.Load(_dir.WriteConfig(lines));
}
