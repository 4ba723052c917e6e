using RegistryOps.Jobs.Sync.Config;

namespace RegistryOps.Jobs.Sync.Manage;

/// <summary>
/// The logic of <c>registryops sync list|add|edit|remove</c> (the replacement of
/// manage_regsync.sh). Each change is planned first — the new text is read back with the regsync
/// reader and refused if it has errors or a duplicate entry — and shown as a diff; writing keeps a
/// timestamped backup next to the file and replaces the file atomically.
/// </summary>
/// <param name="filesGlob">The regsync files (<c>jobs.sync.files</c>).</param>
/// <param name="registryHost">host[:port] of the registry the targets live in.</param>
public sealed partial class SyncEntryManager(string filesGlob, string registryHost, TimeProvider time)
{
    /// <summary>Reads shape only: the commands need no secrets, and must work where
    /// <c>{{ env }}</c> variables of the daemon are not set.</summary>
    private readonly RegsyncConfigReader _reader = RegsyncConfigReader.WithoutSecrets();

    /// <summary>Entries of every file, numbered across files; problems of files that do not read.</summary>
    public (IReadOnlyList<SyncEntryRow> Rows, RegsyncReadResult Read) List(string? search = null)
    {
        var read = _reader.Read(filesGlob);
        var rows = read.Entries.Select((e, i) => new SyncEntryRow(i + 1, e));
        if (!string.IsNullOrWhiteSpace(search))
        {
            rows = rows.Where(r => Matches(r.Entry, search));
        }

        return ([.. rows], read);
    }

    public EditPlan PlanAdd(
        string source,
        string? target,
        SyncType type,
        IReadOnlyList<string> allow,
        IReadOnlyList<string> deny,
        string? file = null)
    {
        var spec = new SyncEntrySpec(
            TargetGuesser.NormalizeSource(source),
            string.IsNullOrWhiteSpace(target) ? TargetGuesser.Guess(source, registryHost) : target.Trim(),
            type,
            new TagSet(allow, deny, []));

        // Two entries writing one target would overwrite each other's tags.
        var existing = List().Rows.FirstOrDefault(r => r.Entry.Target == spec.Target);
        if (existing is not null)
        {
            var where = $"{existing.Entry.File}:{existing.Entry.Line}";
            throw new SyncManageException(
                $"refused: {spec.Target} is already written by entry {existing.Number} ({where})");
        }

        var path = file is null ? DefaultFile() : Path.GetFullPath(file);
        var isNew = !File.Exists(path);
        var oldText = isNew ? "" : File.ReadAllText(path);
        var newText = new RegsyncDocument(isNew ? "version: 1\n" : oldText).Add(spec);
        var summary = $"add {spec.Source} → {spec.Target} ({YamlText.TypeName(type)})";
        return Check(path, oldText, newText, summary, +1) with { IsNewFile = isNew };
    }

    public EditPlan PlanEdit(
        string selector,
        string? target,
        SyncType? type,
        IReadOnlyList<string>? allow,
        IReadOnlyList<string>? deny)
    {
        var row = Select(selector);
        var entry = row.Entry;
        var oldText = File.ReadAllText(entry.File);
        var text = oldText;

        if (target is not null)
        {
            text = new RegsyncDocument(text).SetScalar(entry.Index, "target", target.Trim());
        }

        if (type is not null)
        {
            text = new RegsyncDocument(text).SetScalar(entry.Index, "type", YamlText.TypeName(type.Value));
        }

        if (allow is not null || deny is not null)
        {
            var tags = new TagSet(allow ?? entry.Tags.Allow, deny ?? entry.Tags.Deny, entry.Tags.SemverRange);
            text = new RegsyncDocument(text).SetTags(entry.Index, tags);
        }

        if (text == oldText)
        {
            throw new SyncManageException("nothing to change: give --target, --type, --allow or --deny");
        }

        return Check(entry.File, oldText, text, $"edit entry {row.Number} ({entry.Source})", 0);
    }

    public EditPlan PlanRemove(string selector)
    {
        var row = Select(selector);
        var oldText = File.ReadAllText(row.Entry.File);
        var newText = new RegsyncDocument(oldText).Remove(row.Entry.Index);
        return Check(row.Entry.File, oldText, newText, $"remove entry {row.Number} ({row.Entry.Source})", -1);
    }

    /// <summary>Writes a plan: backup copy next to the file, then an atomic replace. Refused when
    /// the file changed since the plan was made. Returns the backup's path (null for a new file).</summary>
    public string? Apply(EditPlan plan)
    {
        var current = File.Exists(plan.Path) ? File.ReadAllText(plan.Path) : "";
        if (current != plan.OldText || File.Exists(plan.Path) == plan.IsNewFile)
        {
            throw new SyncManageException($"{plan.Path} changed since it was read; nothing was written");
        }

        string? backup = null;
        if (!plan.IsNewFile)
        {
            backup = CopyToFreeBackupName(plan.Path);
        }

        AtomicFileWriter.Write(plan.Path, plan.NewText);
        return backup;
    }

    /// <summary>Copies the file to <c>PATH.bak-STAMP</c>; a script making several edits within one
    /// second gets <c>PATH.bak-STAMP.1</c>, <c>.2</c> … instead of an error, and no backup is
    /// ever overwritten.</summary>
    private string CopyToFreeBackupName(string path)
    {
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", null);
        var first = $"{path}.bak-{stamp}";
        for (var attempt = 0; ; attempt++)
        {
            var candidate = attempt == 0 ? first : $"{first}.{attempt}";
            try
            {
                File.Copy(path, candidate, overwrite: false);
                return candidate;
            }
            catch (IOException) when (File.Exists(candidate) && attempt < 1000)
            {
                // Taken by an earlier edit in the same second: try the next suffix.
            }
        }
    }
}
