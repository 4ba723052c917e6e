using Cronos;
using RegistryOps.Core.Configuration;

namespace RegistryOps.Tests.Scheduling;

/// <summary>
/// Next occurrences the scheduler computes in Europe/Berlin across both daylight-saving changes of
/// 2026. Spring forward: Sunday 2026-03-29 02:00 CET (01:00Z) becomes 03:00 CEST, so 02:00-02:59
/// does not exist. Fall back: Sunday 2026-10-25 03:00 CEST (01:00Z) becomes 02:00 CET, so
/// 02:00-02:59 happens twice (00:00Z-00:59Z in CEST, then 01:00Z-01:59Z in CET).
/// </summary>
public sealed class CronTimeZoneTests
{
    [Theory]
    //           cron            now (UTC)             next run (UTC)       next run in Berlin
    // An ordinary day before the change (CET, UTC+1).
    [InlineData("15 14 * * *",  "2026-03-28T12:00Z", "2026-03-28T13:15Z")] // 14:15 CET
    // A time inside the skipped hour runs once, at the end of the gap.
    [InlineData("30 2 * * *",   "2026-03-28T12:00Z", "2026-03-29T01:00Z")] // 03:00 CEST
    [InlineData("30 2 * * *",   "2026-03-29T01:00Z", "2026-03-30T00:30Z")] // 02:30 CEST, next day
    [InlineData("0 3 * * *",    "2026-03-28T12:00Z", "2026-03-29T01:00Z")] // 03:00 CEST exists
    // An interval through the gap: 02:00 and 02:30 do not exist; next is 03:00 CEST.
    [InlineData("*/30 * * * *", "2026-03-29T00:30Z", "2026-03-29T01:00Z")] // 01:30 CET -> 03:00 CEST
    // After the change the same wall time is an hour earlier in UTC (CEST, UTC+2).
    [InlineData("15 14 * * *",  "2026-03-29T12:00Z", "2026-03-29T12:15Z")] // 14:15 CEST
    // A time inside the repeated hour runs once, in its first (summer-time) pass ...
    [InlineData("30 2 * * *",   "2026-10-24T12:00Z", "2026-10-25T00:30Z")] // 02:30 CEST
    // ... and not again in the second pass (01:30Z would be 02:30 CET): next is the day after.
    [InlineData("30 2 * * *",   "2026-10-25T00:30Z", "2026-10-26T01:30Z")] // 02:30 CET, next day
    // An interval keeps its rhythm through both passes: real time between runs stays 30 minutes.
    [InlineData("*/30 * * * *", "2026-10-25T00:30Z", "2026-10-25T01:00Z")] // 02:00 CET (2nd pass)
    [InlineData("0 12 * * *",   "2026-10-24T12:00Z", "2026-10-25T11:00Z")] // 12:00 CET
    public async Task NextRun_InBerlin_IsRightAcrossDaylightSavingChanges(string cron, string now, string expected)
    {
        var job = TestJob.Changes();
        var jobs = new JobsConfig { Changes = new ChangesJobConfig { Schedule = CronExpression.Parse(cron) } };
        await using var rt = new RuntimeHarness(DateTimeOffset.Parse(now), () => jobs, job);

        await rt.StartAsync();
        await Eventually.TrueAsync(() => rt.Scheduler.Status().Next.Count == 1, "schedule computed");

        Assert.Equal(DateTimeOffset.Parse(expected), rt.Scheduler.Status().Next[0].At);
    }
}
