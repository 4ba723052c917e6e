using RegistryOps.Core.Distribution;

namespace RegistryOps.Tests.Distribution;

public sealed class AuthChallengeTests
{
    [Fact]
    public void ParseAll_BearerWithQuotedCommas_KeepsEachParameterWhole()
    {
        var challenges = AuthChallenge.ParseAll(
            ["Bearer realm=\"https://auth.example.com/token\",service=\"registry.example.com\","
             + "scope=\"repository:a/b:pull,push\""]);

        var bearer = Assert.Single(challenges);
        Assert.True(bearer.IsBearer);
        Assert.Equal("https://auth.example.com/token", bearer["realm"]);
        Assert.Equal("registry.example.com", bearer["service"]);
        Assert.Equal("repository:a/b:pull,push", bearer["scope"]);
    }

    [Fact]
    public void ParseAll_TwoChallengesInOneValue_GivesBoth()
    {
        var challenges = AuthChallenge.ParseAll(["Basic realm=\"x, y\", Bearer realm=\"https://t\", service=s"]);

        Assert.Equal(2, challenges.Count);
        Assert.True(challenges[0].IsBasic);
        Assert.Equal("x, y", challenges[0]["realm"]);
        Assert.Equal("s", challenges[1]["service"]);
    }

    [Fact]
    public void ParseAll_EscapedQuoteAndCaseInsensitiveNames()
    {
        var challenge = Assert.Single(AuthChallenge.ParseAll(["bearer REALM=\"a\\\"b\""]));

        Assert.True(challenge.IsBearer);
        Assert.Equal("a\"b", challenge["realm"]);
    }
}
