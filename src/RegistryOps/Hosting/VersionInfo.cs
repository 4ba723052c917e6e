using System.Reflection;

namespace RegistryOps.Hosting;

internal static class VersionInfo
{
    /// <summary>The informational version (e.g. <c>0.1.0+abc1234</c>), as <c>--version</c>
    /// prints it.</summary>
    public static string Informational { get; } = Read(typeof(VersionInfo).Assembly);

    private static string Read(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetName().Version?.ToString()
        ?? "unknown";
}
