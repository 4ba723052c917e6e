using RegistryOps.Core.Configuration.Yaml;

namespace RegistryOps.Tests.Configuration;

public sealed class YamlBinderTests
{
    [Fact]
    public void Bind_ListsDictionariesAndNullables()
    {
        var (result, problems) = Bind<SampleFile>(
            "names: [a, b]",
            "ports: [80, 443]",
            "labels:",
            "  team: ops",
            "limit: ~",
            "child:",
            "  retry_after: 2s",
            "  token: t");

        Assert.Empty(problems.Items);
        Assert.Equal(["a", "b"], result.Names);
        Assert.Equal([80, 443], result.Ports);
        Assert.Equal("ops", result.Labels["team"]);
        Assert.Null(result.Limit);
        Assert.Equal(TimeSpan.FromSeconds(2), result.Child.RetryAfter);
    }

    [Fact]
    public void Bind_BadListItem_IsLocatedByIndex()
    {
        var (_, problems) = Bind<SampleFile>("ports:", "  - 80", "  - http");

        var problem = Assert.Single(problems.Items);
        Assert.Equal((3, 5, "ports[1]"), (problem.Line, problem.Column, problem.KeyPath));
    }

    [Fact]
    public void Bind_Lenient_UnknownKeysAreWarnings()
    {
        var lenient = new YamlBinderOptions { Lenient = true };

        var (result, problems) = Bind<SampleFile>(lenient, "nmes: [a]", "limit: 3");

        var warning = Assert.Single(problems.Items);
        Assert.True(warning.IsWarning);
        Assert.Contains("did you mean 'names'?", warning.Message);
        Assert.Equal(3, result.Limit);
    }

    [Fact]
    public void Bind_CamelCaseNaming_MatchesCamelCaseKeys()
    {
        var options = new YamlBinderOptions { Naming = YamlNaming.CamelCase };

        var (result, problems) = Bind<SampleChild>(options, "retryAfter: 1m", "token: abc");

        Assert.Empty(problems.Items);
        Assert.Equal(TimeSpan.FromMinutes(1), result.RetryAfter);
    }

    [Fact]
    public void Bind_RequiredMemberMissing_IsReportedAtTheMapping()
    {
        var (_, problems) = Bind<SampleFile>("child:", "  retry_after: 1s");

        var problem = Assert.Single(problems.Items);
        Assert.Equal((2, 3, "child"), (problem.Line, problem.Column, problem.KeyPath));
        Assert.Equal("missing required key 'token'", problem.Message);
    }

    [Fact]
    public void Bind_NullForANonNullableValue_IsMissingValue()
    {
        var (_, problems) = Bind<SampleChild>("retry_after:", "token: x");

        Assert.Equal("missing value: expected a duration such as 30s, 10m, 6h, 1h30m, 2d or 500ms",
            Assert.Single(problems.Items).Message);
    }

    [Theory]
    [InlineData("CaFile", "ca_file")]
    [InlineData("MinInterval", "min_interval")]
    [InlineData("AllowInsecureHttp", "allow_insecure_http")]
    [InlineData("HTTPServer", "http_server")]
    [InlineData("Ipv6Only", "ipv6_only")]
    public void ToSnakeCase_SplitsWords(string name, string key)
    {
        Assert.Equal(key, YamlNames.ToSnakeCase(name));
    }

    private static (T Result, YamlProblems Problems) Bind<T>(params string[] lines)
        where T : class => Bind<T>(new YamlBinderOptions(), lines);

    private static (T Result, YamlProblems Problems) Bind<T>(YamlBinderOptions options, params string[] lines)
        where T : class
    {
        var problems = new YamlProblems("sample.yml");
        var root = YamlDocumentReader.Parse(string.Join("\n", lines), problems);
        var result = new YamlBinder(problems, options).BindRoot<T>(root);
        return (result, problems);
    }

    internal sealed class SampleFile
    {
        public List<string> Names { get; init; } = [];

        public IReadOnlyList<int> Ports { get; init; } = [];

        public Dictionary<string, string> Labels { get; init; } = [];

        public int? Limit { get; init; } = 5;

        public SampleChild Child { get; init; } = new() { Token = "default" };
    }

    internal sealed class SampleChild
    {
        public TimeSpan RetryAfter { get; init; }

        public required string Token { get; init; }
    }
}
