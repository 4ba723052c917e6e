namespace RegistryOps.Jobs.Sync;

/// <summary>What Docker Hub's remaining pulls mean for a run.</summary>
internal enum HubBudgetLevel
{
    /// <summary>No entry pulls from Docker Hub.</summary>
    NotUsed,

    /// <summary>Hub did not say (no headers, or no number): the run goes ahead.</summary>
    Unknown,

    Ok,

    /// <summary>Below the warning threshold: the run goes ahead and people are told.</summary>
    Low,

    /// <summary>Below the abort threshold: the run stops before pulling anything.</summary>
    Exhausted,
}
