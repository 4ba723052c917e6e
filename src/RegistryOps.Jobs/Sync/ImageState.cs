namespace RegistryOps.Jobs.Sync;

/// <summary>How one image compares between source and target.</summary>
internal enum ImageState
{
    UpToDate,
    NeedsSync,

    /// <summary>The target answered 404 for the tag: it will be created.</summary>
    TargetMissing,

    /// <summary>The source answered 404 for the tag: nothing to copy.</summary>
    SourceMissing,

    /// <summary>Either side failed otherwise (auth, server error, unreachable).</summary>
    Error,
}
