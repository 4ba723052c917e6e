using RegistryOps.Core.Configuration;

namespace RegistryOps.Tests.Configuration;

/// <summary>The invalid examples under config/examples each fail with the single problem their
/// header comment promises, so the files stay fit for demonstrating `registryops validate`.</summary>
public sealed class ExampleFilesTests
{
    [Theory]
    [InlineData("unknown-key.yml", 7, 5, "jobs.sync.min_intervall", "unknown key 'min_intervall'")]
    [InlineData("bad-cron.yml", 7, 15, "jobs.changes.schedule", "invalid cron expression")]
    [InlineData("missing-secret.yml", 6, 13, "registry.password", "does not exist")]
    [InlineData("tab-indented.yml", 6, 1, "", "tab character in indentation")]
    public void InvalidExample_FailsAtTheDocumentedPlace(
        string name,
        int line,
        int column,
        string key,
        string text)
    {
        var path = Path.Combine(RepositoryFiles.Root, "config", "examples", name);

        var result = ConfigLoader.Load(path);

        var problem = Assert.Single(result.Problems);
        Assert.False(result.IsValid);
        Assert.Equal((line, column, key), (problem.Line, problem.Column, problem.KeyPath));
        Assert.Contains(text, problem.Message);
        Assert.StartsWith($"{path}:{line}:{column}: error: ", problem.ToString());
    }
}
