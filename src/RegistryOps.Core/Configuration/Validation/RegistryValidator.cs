namespace RegistryOps.Core.Configuration.Validation;

/// <summary>The <c>registry</c> section.</summary>
internal static class RegistryValidator
{
    public static void Validate(RegistryConfig registry, ValidationContext context)
    {
        if (!UrlRules.TryGetHttpUrl(registry.Url, out var url))
        {
            context.Error("registry.url",
                $"expected an absolute http:// or https:// URL, found '{registry.Url}'");
        }
        else if (url.Scheme == Uri.UriSchemeHttp && !UrlRules.IsLoopback(url) && !registry.AllowInsecureHttp)
        {
            context.Error("registry.url", $"plain http is allowed only to loopback addresses (127.0.0.0/8, ::1, "
                + $"localhost), not to {url.Host}; use https, or set registry.allow_insecure_http: true");
        }

        if (registry.Password is not null && string.IsNullOrWhiteSpace(registry.Username))
        {
            context.Error("registry.password", "registry.password is set but registry.username is not");
        }

        if (registry.CaFile is { } ca && !File.Exists(ca))
        {
            context.Error("registry.ca_file", $"CA file {ca} does not exist");
        }

        if (registry.MaxConcurrency <= 0)
        {
            context.Error("registry.max_concurrency", $"must be at least 1, found {registry.MaxConcurrency}");
        }

        if (registry.PageSize <= 0)
        {
            context.Error("registry.page_size", $"must be at least 1, found {registry.PageSize}");
        }

        if (registry.RequestTimeout <= TimeSpan.Zero)
        {
            context.Error("registry.request_timeout", "must be longer than 0");
        }
    }
}
