using RegistryOps.Core.Jobs;

namespace RegistryOps.Core.Coordination;

public sealed record LockSnapshot(IReadOnlyList<LockParty> Holders, IReadOnlyList<LockParty> Waiters);

public sealed record LockParty(string Name, RegistryAccess Access, DateTimeOffset Since);
