using RegistryOps.Core.Jobs;

namespace RegistryOps.Core.State;

/// <summary>One row of run history. <see cref="Outcome"/> is null while the run is going.</summary>
public sealed record RunRecord(
    string RunId,
    string Job,
    JobTrigger Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    JobOutcome? Outcome,
    string? Summary);
