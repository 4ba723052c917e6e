using RegistryOps.Jobs.Sync.Config;

namespace RegistryOps.Jobs.Sync.Manage;

/// <summary>The keys the entry commands write: source, target, type and the <c>tags</c> set.</summary>
public sealed record SyncEntrySpec(string Source, string Target, SyncType Type, TagSet Tags);
