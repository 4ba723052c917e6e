using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RegistryOps.Core.Telemetry;

namespace RegistryOps.Core.Notifications.Ntfy;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="NtfyNotifier"/> as the <see cref="INotifier"/> (replacing the runtime's
    /// do-nothing default whatever the call order) and its HTTP client (10s timeout). It sends
    /// nothing while notifications.ntfy is not configured.
    /// </summary>
    public static IServiceCollection AddRegistryOpsNotifications(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<RegistryOpsMetrics>();
        services.AddHttpClient(NtfyNotifier.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.RemoveAll<INotifier>();
        services.AddSingleton<INotifier, NtfyNotifier>();
        return services;
    }
}
