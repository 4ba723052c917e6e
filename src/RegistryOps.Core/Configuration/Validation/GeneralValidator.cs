namespace RegistryOps.Core.Configuration.Validation;

/// <summary>Top-level keys and <c>paths</c>.</summary>
internal static class GeneralValidator
{
    public static void Validate(RegistryOpsConfig config, ValidationContext context)
    {
        if (config.Timezone is { } zone && !TimeZoneExists(zone))
        {
            var ids = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id);
            var closest = Yaml.YamlNames.Closest(zone, ids);
            var hint = closest is null ? "" : $"; did you mean '{closest}'?";
            context.Error("timezone", $"unknown time zone '{zone}'{hint} "
                + "(use an IANA name such as Europe/Berlin or UTC)");
        }

        if (config.Hostname is { } host && string.IsNullOrWhiteSpace(host))
        {
            context.Error("hostname", "hostname is empty; remove the key to use the machine name");
        }

        RequireDirectoryPath(config.Paths.State, "paths.state", context);
        RequireDirectoryPath(config.Paths.Runtime, "paths.runtime", context);
        if (config.Paths.Secrets is { } secrets && !Directory.Exists(secrets))
        {
            context.Error("paths.secrets", $"secrets directory {secrets} does not exist");
        }
    }

    private static bool TimeZoneExists(string id)
    {
        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    private static void RequireDirectoryPath(string path, string keyPath, ValidationContext context)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            context.Error(keyPath, "expected a directory path, found an empty string");
        }
    }
}
