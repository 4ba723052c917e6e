namespace RegistryOps.Tests.Configuration;

/// <summary>Files of the repository itself, found from the test assembly's folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string ExampleConfig => Path.Combine(Root, "config", "registryops.yml");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RegistryOps.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RegistryOps.sln not found above " + AppContext.BaseDirectory);
    }
}
