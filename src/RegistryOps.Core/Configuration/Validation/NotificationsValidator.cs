using System.Text.RegularExpressions;

namespace RegistryOps.Core.Configuration.Validation;

/// <summary>The <c>notifications</c> section.</summary>
internal static partial class NotificationsValidator
{
    public static void Validate(NotificationsConfig notifications, ValidationContext context)
    {
        if (notifications.Ntfy is not { } ntfy)
        {
            return;
        }

        if (string.IsNullOrEmpty(ntfy.Url))
        {
            context.Error("notifications.ntfy.url",
                "missing required value: the ntfy server URL, e.g. https://ntfy.sh");
        }
        else if (!UrlRules.TryGetHttpUrl(ntfy.Url, out _))
        {
            context.Error("notifications.ntfy.url",
                $"expected an absolute http:// or https:// URL, found '{ntfy.Url}'");
        }

        if (string.IsNullOrEmpty(ntfy.Topic))
        {
            context.Error("notifications.ntfy.topic", "missing required value: the ntfy topic to publish to");
        }
        else if (!TopicPattern().IsMatch(ntfy.Topic))
        {
            context.Error("notifications.ntfy.topic",
                $"an ntfy topic is 1 to 64 letters, digits, '-' or '_'; found '{ntfy.Topic}'");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex TopicPattern();
}
