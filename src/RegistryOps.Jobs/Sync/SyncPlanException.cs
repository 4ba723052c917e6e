namespace RegistryOps.Jobs.Sync;

/// <summary>The regsync files could not be read into a plan; the message lists every problem.</summary>
internal sealed class SyncPlanException(string message) : Exception(message);
