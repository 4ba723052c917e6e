using System.Text;

namespace RegistryOps.IntegrationTests.Infrastructure;

/// <summary>The registry 2.8 config.yml for a test registry.</summary>
internal static class RegistryConfigFile
{
    public static string Render(RegistryOptions options, int port, TokenServer? tokens = null)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine("version: 0.1");
        yaml.AppendLine("log:");
        yaml.AppendLine("  level: warn");
        yaml.AppendLine("  accesslog:");
        yaml.AppendLine($"    disabled: {(options.AccessLog ? "false" : "true")}");
        yaml.AppendLine("storage:");
        yaml.AppendLine("  filesystem:");
        yaml.AppendLine("    rootdirectory: /var/lib/registry");
        yaml.AppendLine("  delete:");
        yaml.AppendLine("    enabled: true");
        yaml.AppendLine("http:");
        yaml.AppendLine($"  addr: 127.0.0.1:{port}");
        if (options.Tls)
        {
            yaml.AppendLine("  tls:");
            yaml.AppendLine("    certificate: /etc/docker/registry/server.crt");
            yaml.AppendLine("    key: /etc/docker/registry/server.key");
        }

        if (tokens is not null)
        {
            yaml.AppendLine("auth:");
            yaml.AppendLine("  token:");
            yaml.AppendLine($"    realm: {tokens.Realm}");
            yaml.AppendLine($"    service: {TokenServer.Service}");
            yaml.AppendLine($"    issuer: {TokenServer.Issuer}");
            yaml.AppendLine("    rootcertbundle: /etc/docker/registry/token.crt");
        }
        else if (options.Username is not null)
        {
            yaml.AppendLine("auth:");
            yaml.AppendLine("  htpasswd:");
            yaml.AppendLine("    realm: registryops-test");
            yaml.AppendLine("    path: /etc/docker/registry/htpasswd");
        }

        if (options.ExtraConfig is not null)
        {
            yaml.AppendLine(options.ExtraConfig);
        }

        return yaml.ToString();
    }
}
