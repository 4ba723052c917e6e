namespace RegistryOps.Core.Configuration.Validation;

/// <summary>Runs every section's validator; all failures are gathered, none stops the others.</summary>
internal static class ConfigValidator
{
    public static void Validate(RegistryOpsConfig config, ValidationContext context)
    {
        GeneralValidator.Validate(config, context);
        RegistryValidator.Validate(config.Registry, context);
        MetricsValidator.Validate(config.Metrics, context);
        NotificationsValidator.Validate(config.Notifications, context);
        JobsValidator.Validate(config.Jobs, context);
    }
}
