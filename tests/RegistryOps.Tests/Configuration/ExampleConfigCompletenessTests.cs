using System.Text.RegularExpressions;
using RegistryOps.Core.Configuration;
using RegistryOps.Core.Configuration.Yaml;

namespace RegistryOps.Tests.Configuration;

/// <summary>config/registryops.yml documents every key. A key added to the model without a line
/// in the example (written, or commented out as `# key:`) fails here with its path.</summary>
public sealed class ExampleConfigCompletenessTests
{
    [Fact]
    public void ExampleConfig_MentionsEveryKeyOfTheModel()
    {
        var text = File.ReadAllText(RepositoryFiles.ExampleConfig);

        var missing = KeyPaths(typeof(RegistryOpsConfig), "")
            .Where(path => !Mentions(text, path[(path.LastIndexOf('.') + 1)..]))
            .ToList();

        Assert.Empty(missing);
    }

    private static bool Mentions(string text, string key) =>
        Regex.IsMatch(text, $@"^[ \t]*(#[ \t]*)?{Regex.Escape(key)}:", RegexOptions.Multiline);

    private static IEnumerable<string> KeyPaths(Type type, string prefix)
    {
        foreach (var property in YamlObjectShape.Of(type, YamlNaming.SnakeCase).Properties)
        {
            var path = prefix.Length == 0 ? property.Key : $"{prefix}.{property.Key}";
            yield return path;

            var target = property.Property.PropertyType;
            if (IsSection(target))
            {
                foreach (var child in KeyPaths(target, path))
                {
                    yield return child;
                }
            }
        }
    }

    // Config sections are the project's own classes; strings, secrets and cron values are leaves.
    private static bool IsSection(Type type) =>
        type.IsClass && type.Namespace == typeof(RegistryOpsConfig).Namespace && type != typeof(Secret);
}
