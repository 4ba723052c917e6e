namespace RegistryOps.Jobs.Sync.Manage;

/// <summary>A checked change to one regsync file, not yet written.</summary>
/// <param name="Path">The file to write.</param>
/// <param name="OldText">The file as it was read (empty for a new file); a write is refused if the
/// file no longer holds exactly this.</param>
/// <param name="NewText">The whole new file; it was read back without errors.</param>
/// <param name="Summary">One line saying what changes.</param>
/// <param name="Diff">The change as a unified diff.</param>
public sealed record EditPlan(string Path, string OldText, string NewText, string Summary, string Diff)
{
    public bool IsNewFile { get; init; }
}
