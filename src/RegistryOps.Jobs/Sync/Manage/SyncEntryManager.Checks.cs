using RegistryOps.Jobs.Sync.Config;

namespace RegistryOps.Jobs.Sync.Manage;

public sealed partial class SyncEntryManager
{
    /// <summary>Reads the new text back and refuses it when it has errors, a duplicate entry, or not
    /// the expected number of entries.</summary>
    private EditPlan Check(string path, string oldText, string newText, string summary, int entryDelta)
    {
        var before = oldText.Length == 0 ? 0 : _reader.ReadText(path, oldText).Entries.Count;
        var after = _reader.ReadText(path, newText);
        if (after.HasErrors)
        {
            throw new SyncManageException(
                $"refused: {path} would not read after this change; nothing was written",
                [.. after.Errors.Select(e => e.ToString())]);
        }

        var duplicate = after.Entries.GroupBy(e => e.Target).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new SyncManageException(
                $"refused: two entries would write {duplicate.Key} in {path}; nothing was written");
        }

        if (after.Entries.Count != before + entryDelta)
        {
            throw new SyncManageException(
                $"refused: the change would leave {after.Entries.Count} entries in {path}, "
                + $"expected {before + entryDelta}");
        }

        return new EditPlan(path, oldText, newText, summary, UnifiedDiff.Create(oldText, newText, path));
    }

    /// <summary>An entry by its list number, or by source (exact, or as a Docker Hub short name).</summary>
    private SyncEntryRow Select(string selector)
    {
        var (rows, read) = List();
        if (int.TryParse(selector, out var number))
        {
            return rows.FirstOrDefault(r => r.Number == number)
                ?? throw new SyncManageException($"there is no entry {number} (see registryops sync list)");
        }

        var normalized = TargetGuesser.NormalizeSource(selector);
        var matches = rows.Where(r => r.Entry.Source == selector || r.Entry.Source == normalized
            || TargetGuesser.NormalizeSource(r.Entry.Source) == normalized).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 when read.HasErrors => throw new SyncManageException(
                $"no entry has source {selector}; some files did not read",
                [.. read.Errors.Select(e => e.ToString())]),
            0 => throw new SyncManageException($"no entry has source {selector}"),
            _ => throw new SyncManageException(
                $"{matches.Count} entries have source {selector} "
                + $"({string.Join(", ", matches.Select(m => m.Number))}); use INDEX"),
        };
    }

    private string DefaultFile()
    {
        var files = RegsyncFileGlob.Resolve(filesGlob);
        if (files.Count > 0)
        {
            return files[0];
        }

        if (filesGlob.IndexOfAny(['*', '?', '[']) >= 0)
        {
            throw new SyncManageException($"no file matches {filesGlob}; name one with --file");
        }

        return Path.GetFullPath(filesGlob);
    }

    private static bool Matches(SyncEntry entry, string search) =>
        entry.Source.Contains(search, StringComparison.OrdinalIgnoreCase)
        || entry.Target.Contains(search, StringComparison.OrdinalIgnoreCase);
}
