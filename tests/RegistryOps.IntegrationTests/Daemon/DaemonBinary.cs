namespace RegistryOps.IntegrationTests.Daemon;

/// <summary>Finds the built daemon: the copy next to this test assembly (the project reference
/// puts registryops.dll, its runtimeconfig and deps there), else the project's own output.</summary>
internal static class DaemonBinary
{
    public static string Path { get; } = Find();

    /// <summary>The dotnet host the tests run under, so the daemon uses the same runtime.</summary>
    public static string DotnetHost { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static string Find()
    {
        var beside = System.IO.Path.Combine(AppContext.BaseDirectory, "registryops.dll");
        if (File.Exists(beside) && File.Exists(System.IO.Path.ChangeExtension(beside, ".runtimeconfig.json")))
        {
            return beside;
        }

        // bin/<Configuration>/net10.0/ of the test project → same of src/RegistryOps.
        var framework = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = framework.Parent!.Name;
        for (var dir = framework; dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "src", "RegistryOps", "bin", configuration,
                framework.Name, "registryops.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("registryops.dll not found; build src/RegistryOps first");
    }
}
