using System.CommandLine;
using RegistryOps.Jobs.Sync.Manage;

namespace RegistryOps.Commands.Sync;

/// <summary>Runs the entry commands: builds the manager from the config, prints, maps refusals to
/// exit code 1.</summary>
internal sealed class SyncManageRunner(
    Func<string?, SyncManageSettings> settings,
    Option<string?>? configOption,
    TimeProvider time)
{
    public int List(ParseResult result, string? search)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        if (!TryCreate(result, error, out var manager))
        {
            return 1;
        }

        var (rows, read) = manager.List(search);
        foreach (var row in rows)
        {
            var entry = row.Entry;
            var type = entry.Type.ToString().ToLowerInvariant();
            output.WriteLine($"{row.Number,3}  {type,-10} {entry.Source} -> {entry.Target}");
            output.WriteLine($"     {row.Filters}  ({entry.File}:{entry.Line})");
        }

        if (rows.Count == 0)
        {
            output.WriteLine(search is null ? "no sync entries" : $"no sync entry matches '{search}'");
        }

        foreach (var problem in read.Problems)
        {
            error.WriteLine(problem);
        }

        return read.HasErrors ? 1 : 0;
    }

    public int Change(ParseResult result, bool dryRun, Func<SyncEntryManager, EditPlan> plan)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        if (!TryCreate(result, error, out var manager))
        {
            return 1;
        }

        try
        {
            var change = plan(manager);
            output.WriteLine(change.Summary);
            output.Write(change.Diff);
            if (dryRun)
            {
                output.WriteLine("dry run: nothing was written");
                return 0;
            }

            var backup = manager.Apply(change);
            output.WriteLine(backup is null
                ? $"wrote {change.Path}"
                : $"wrote {change.Path} (backup {backup})");
            return 0;
        }
        catch (SyncManageException ex)
        {
            error.WriteLine(ex.Message);
            return 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"failed: {ex.Message}");
            return 1;
        }
    }

    private bool TryCreate(ParseResult result, TextWriter error, out SyncEntryManager manager)
    {
        try
        {
            var current = settings(configOption is null ? null : result.GetValue(configOption));
            manager = new SyncEntryManager(current.FilesGlob, current.RegistryHost, time);
            return true;
        }
        catch (Exception ex)
        {
            // The config loader reports its own problems; the command only says it cannot go on.
            error.WriteLine($"cannot read the RegistryOps config: {ex.Message}");
            manager = null!;
            return false;
        }
    }
}
