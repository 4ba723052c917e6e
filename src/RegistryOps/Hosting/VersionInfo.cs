using System.Reflection;

namespace RegistryOps.Hosting;

internal static class VersionInfo
{
    /// <summary>The informational version (e.g. <c>0.1.0+abc1234</c>), as <c>--version</c> prints it.</summary>
    public static string Informational { get; } =
        typeof(VersionInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(VersionInfo).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
