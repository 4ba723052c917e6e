namespace RegistryOps.Jobs.Sync;

/// <summary>
/// Per-entry cadence from regsync's <c>interval</c> and <c>schedule</c>, on top of the job's own
/// cron: an entry is due when it never ran, when its cron has an occurrence after its last sync
/// that is not in the future, or when its interval has passed. Entries with neither are due on
/// every run. A manual or one-off run ignores both, as <c>regsync once</c> did.
/// </summary>
internal static class EntrySchedule
{
    public static DateTimeOffset? NextDue(SyncEntrySpec entry, DateTimeOffset? lastSync, TimeZoneInfo zone)
    {
        if (lastSync is null)
        {
            return null;
        }

        if (entry.Schedule is not null)
        {
            return entry.Schedule.GetNextOccurrence(lastSync.Value, zone);
        }

        return entry.Interval is { } interval ? lastSync.Value + interval : null;
    }

    public static bool IsDue(
        SyncEntrySpec entry,
        DateTimeOffset? lastSync,
        DateTimeOffset now,
        TimeZoneInfo zone) =>
        NextDue(entry, lastSync, zone) is not { } due || due <= now;
}
