using Cronos;
using YamlDotNet.RepresentationModel;

namespace RegistryOps.Jobs.Sync.Config;

internal sealed partial class RegsyncFileParser
{
    private static readonly HashSet<string> NotImplementedOptions =
    [
        "referrers", "referrerFilters", "referrerSource", "referrerTarget", "referrerSlow",
        "includeExternal", "hooks",
    ];

    private static readonly HashSet<string> NotImplementedDefaults =
    [
        .. NotImplementedOptions, "blobLimit", "cacheCount", "cacheTime", "skipDockerConfig", "userAgent",
    ];

    private SyncOptionValues ReadDefaults(YamlNode node)
    {
        var values = new SyncOptionValues();
        foreach (var (key, value) in ReadMapping(node, "defaults"))
        {
            var keyPath = $"defaults.{key.Value}";
            if (key.Value == "parallel")
            {
                values.Parallel = ReadInt(value, keyPath) is { } n && n > 0 ? n : values.Parallel;
                continue;
            }

            if (!TryReadOption(key, value, keyPath, values))
            {
                IgnoredKey(key, "defaults", NotImplementedDefaults);
            }
        }

        return values;
    }

    /// <summary>Reads a key both <c>defaults</c> and entries accept; false when it is not one.</summary>
    private bool TryReadOption(YamlScalarNode key, YamlNode value, string keyPath, SyncOptionValues into)
    {
        switch (key.Value)
        {
            case "backup":
                // Kept as written: it is a template over the tag being replaced, expanded at copy time.
                into.Backup = ReadString(value, keyPath);
                return true;
            case "interval":
                into.Interval = ReadDuration(value, keyPath);
                return true;
            case "schedule":
                ReadSchedule(value, keyPath, into);
                return true;
            case "ratelimit":
                ReadRateLimit(value, keyPath, into);
                return true;
            case "mediaTypes":
                into.MediaTypes = [.. ReadStringList(value, keyPath).Select(i => i.Value)];
                return true;
            case "platform":
                into.Platform = ReadString(value, keyPath);
                return true;
            case "platforms":
                into.Platforms = [.. ReadStringList(value, keyPath).Select(i => i.Value)];
                return true;
            case "digestTags":
                into.DigestTags = ReadBool(value, keyPath);
                return true;
            case "forceRecursive":
                into.ForceRecursive = ReadBool(value, keyPath);
                return true;
            case "fastCheck":
                into.FastCheck = ReadBool(value, keyPath) ?? into.FastCheck;
                return true;
            case "fastCopy":
                ReadFastCopy(key, value, keyPath, into);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// regsync's documentation names this setting <c>fastCopy</c>, but its config parser only knows
    /// <c>fastCheck</c> and silently drops <c>fastCopy</c>. Operators who wrote <c>fastCopy</c> meant
    /// the setting, so it is honoured here as <c>fastCheck</c> — with a warning, because regsync
    /// itself would ignore it. An explicit <c>fastCheck</c> in the same place wins.
    /// </summary>
    private void ReadFastCopy(YamlScalarNode key, YamlNode value, string keyPath, SyncOptionValues into)
    {
        var fast = ReadBool(value, keyPath);
        _sink.WarningOnce($"{GroupPath(keyPath)}", key.Start, keyPath,
            "fastCopy is read as fastCheck (regsync's docs use fastCopy but regsync itself ignores it)");
        into.FastCheck ??= fast;
    }

    private void ReadSchedule(YamlNode value, string keyPath, SyncOptionValues into)
    {
        var text = ReadString(value, keyPath)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        if (text.StartsWith("@every ", StringComparison.Ordinal))
        {
            var every = text["@every ".Length..].Trim();
            if (GoDuration.TryParse(every, out var interval) && interval > TimeSpan.Zero)
            {
                into.Interval = interval;
                return;
            }

            _sink.Error(value.Start, keyPath, $"'{every}' is not a duration such as 30s, 60m or 1h30m");
            return;
        }

        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var format = fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        try
        {
            into.Schedule = CronExpression.Parse(text, format);
            into.ScheduleText = text;
        }
        catch (CronFormatException ex)
        {
            _sink.Error(value.Start, keyPath, $"'{text}' is not a cron schedule: {ex.Message}");
        }
    }

    private void ReadRateLimit(YamlNode node, string keyPath, SyncOptionValues into)
    {
        foreach (var (key, value) in ReadMapping(node, keyPath))
        {
            var path = $"{keyPath}.{key.Value}";
            switch (key.Value)
            {
                case "min":
                    into.RateLimitMin = ReadInt(value, path);
                    break;
                case "retry":
                    into.RateLimitRetry = ReadDuration(value, path);
                    if (into.RateLimitRetry is { } retry && retry > TimeSpan.Zero
                        && retry < RegsyncDefaults.RateLimitRetryMin)
                    {
                        _sink.Warning(value.Start, path, "below regsync's minimum; 5m is used");
                    }

                    break;
                default:
                    IgnoredKey(key, keyPath, NotImplementedOptions);
                    break;
            }
        }
    }
}
