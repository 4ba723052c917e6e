using RegistryOps.Core.Logging;

namespace RegistryOps.Tests.Logging;

public sealed class JournalFieldNameTests
{
    [Theory]
    [InlineData("Job", "JOB")]
    [InlineData("RunId", "RUN_ID")]
    [InlineData("Outcome", "OUTCOME")]
    [InlineData("runId", "RUN_ID")]
    [InlineData("HTTPStatus", "HTTP_STATUS")]
    [InlineData("Sha256Digest", "SHA256_DIGEST")]
    [InlineData("repo.name", "REPO_NAME")]
    [InlineData("SourceContext", "SOURCE_CONTEXT")]
    [InlineData("_private", "PRIVATE")]
    [InlineData("2fa", "FA")]
    [InlineData("Ünïcode", "N_CODE")]
    public void FromPropertyName_ConvertsToValidSnakeCase(string property, string expected)
    {
        var field = JournalFieldName.FromPropertyName(property);

        Assert.Equal(expected, field);
        Assert.True(JournalFieldName.IsValid(field!));
    }

    [Theory]
    [InlineData("")]
    [InlineData("_")]
    [InlineData("123")]
    [InlineData("...")]
    public void FromPropertyName_NothingUsable_ReturnsNull(string property)
    {
        Assert.Null(JournalFieldName.FromPropertyName(property));
    }

    [Fact]
    public void FromPropertyName_LongName_IsCutTo64Characters()
    {
        var field = JournalFieldName.FromPropertyName(new string('a', 100));

        Assert.Equal(64, field!.Length);
    }

    [Theory]
    [InlineData("JOB", true)]
    [InlineData("RUN_ID", true)]
    [InlineData("_PID", false)]
    [InlineData("1ABC", false)]
    [InlineData("job", false)]
    [InlineData("A-B", false)]
    public void IsValid_FollowsJournaldRules(string name, bool valid)
    {
        Assert.Equal(valid, JournalFieldName.IsValid(name));
    }
}
