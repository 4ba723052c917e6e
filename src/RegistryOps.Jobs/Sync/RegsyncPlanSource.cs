using RegistryOps.Core.Configuration;
using RegistryOps.Jobs.Sync.Config;

namespace RegistryOps.Jobs.Sync;

/// <summary>Reads the regsync files named by <c>jobs.sync.files</c> into a plan.</summary>
internal sealed class RegsyncPlanSource(RegsyncConfigReader reader) : ISyncPlanSource
{
    public Task<SyncPlan> LoadAsync(SyncJobConfig config, CancellationToken cancellationToken) =>
        Task.FromResult(Load(config.Files));

    public SyncPlan Load(string pathOrGlob)
    {
        var read = reader.Read(pathOrGlob);
        var warnings = read.Warnings.Select(p => p.ToString()).ToList();
        var entries = new List<SyncEntrySpec>();
        foreach (var entry in read.Entries)
        {
            if (entry.HasUnresolvedTemplate)
            {
                warnings.Add($"{entry.File}:{entry.Line}: entry {entry.Source} skipped: unresolved template");
                continue;
            }

            entries.Add(ToSpec(entry, read.Files.First(f => f.Path == entry.File).Parallel));
        }

        var errors = read.Errors.Select(p => p.ToString()).ToList();
        if (entries.Count == 0 && errors.Count > 0)
        {
            throw new SyncPlanException(string.Join("; ", errors));
        }

        var registries = read.Creds.Select(ToSettings).DistinctBy(r => r.Host).ToList();
        return new SyncPlan(entries, registries, warnings) { Errors = errors };
    }

    public static SyncEntrySpec ToSpec(SyncEntry entry, int parallel)
    {
        var kind = entry.Type switch
        {
            SyncType.Repository => SyncKind.Repository,
            SyncType.Registry => SyncKind.Registry,
            _ => SyncKind.Image,
        };
        var filter = entry.TagFilter;
        var repos = entry.RepoFilter;
        return new SyncEntrySpec(
            $"{Path.GetFileName(entry.File)}:{entry.Source}->{entry.Target}",
            kind,
            ImageReference.ParseFor(kind, entry.Source),
            ImageReference.ParseFor(kind, entry.Target))
        {
            TagFilter = ReferenceEquals(filter, TagFilter.All) ? null : tags => filter.Apply(tags),
            RepositoryFilter = ReferenceEquals(repos, FilterSet.All) ? null : repos.Keeps,
            Platform = entry.Platform,
            Platforms = entry.Platforms.Count == 0 ? null : entry.Platforms,
            Backup = entry.Backup,
            Parallel = Math.Max(1, parallel),
            RateLimitMin = entry.RateLimitMin,
            Interval = entry.Interval,
            Schedule = entry.Schedule,
        };
    }

    public static SyncRegistrySettings ToSettings(RegsyncCred cred) => new(cred.Registry)
    {
        Endpoint = cred.ApiHost,
        Username = cred.User,
        Password = cred.Pass,
        PlainHttp = cred.Tls == RegsyncTls.Disabled,
        SkipTlsVerify = cred.Tls == RegsyncTls.Insecure,
        CaPem = cred.RegCert,
        MaxConcurrency = Math.Max(1, cred.ReqConcurrent),
        RequestsPerSecond = cred.ReqPerSec > 0 ? cred.ReqPerSec : null,
    };
}
