namespace RegistryOps.Jobs.Sync;

/// <summary>What a sync entry names: one image, every tag of a repository, or a whole registry.</summary>
internal enum SyncKind
{
    Image,
    Repository,
    Registry,
}
