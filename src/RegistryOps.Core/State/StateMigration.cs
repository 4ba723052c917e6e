namespace RegistryOps.Core.State;

/// <summary>One step of the schema. <see cref="Version"/> is what PRAGMA user_version holds once
/// the step has been applied; steps run in order, each in its own transaction.</summary>
internal sealed record StateMigration(int Version, string Description, string Sql);
