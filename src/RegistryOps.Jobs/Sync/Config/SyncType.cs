namespace RegistryOps.Jobs.Sync.Config;

/// <summary>What a sync entry copies, as regsync's <c>type</c> key names it.</summary>
public enum SyncType
{
    /// <summary>One image reference (a tag or digest).</summary>
    Image,

    /// <summary>The tags of one repository that pass the tag filters.</summary>
    Repository,

    /// <summary>Every repository of a registry that passes the repo filters, with their tags.</summary>
    Registry,
}
