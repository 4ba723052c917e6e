using System.CommandLine;
using RegistryOps.Jobs.Sync.Config;
using RegistryOps.Jobs.Sync.Manage;

namespace RegistryOps.Commands.Sync;

/// <summary>
/// <c>registryops sync list|add|edit|remove</c>: the sync entries of the regsync files, managed
/// from the command line (the replacement of manage_regsync.sh). Changes print a diff; with
/// <c>--dry-run</c> nothing is written. Exit codes: 0 done, 1 refused, failed or bad usage.
/// </summary>
public static class SyncManageCommands
{
    /// <summary>A <c>sync</c> command holding the four subcommands.</summary>
    /// <param name="settings">Reads the main config when a command runs (not when it is built),
    /// given the value of <paramref name="configOption"/>.</param>
    /// <param name="configOption">The shared --config option, added to every subcommand.</param>
    public static Command Create(
        Func<string?, SyncManageSettings> settings,
        TimeProvider? time = null,
        Option<string?>? configOption = null)
    {
        var sync = new Command("sync", "Sync regsync entries and manage them");
        foreach (var command in Subcommands(settings, time, configOption))
        {
            sync.Subcommands.Add(command);
        }

        return sync;
    }

    /// <summary>The four subcommands, for mounting into an existing <c>sync</c> command.</summary>
    public static IReadOnlyList<Command> Subcommands(
        Func<string?, SyncManageSettings> settings,
        TimeProvider? time = null,
        Option<string?>? configOption = null)
    {
        var run = new SyncManageRunner(settings, configOption, time ?? TimeProvider.System);
        Command[] commands = [ListCommand(run), AddCommand(run), EditCommand(run), RemoveCommand(run)];
        if (configOption is not null)
        {
            foreach (var command in commands)
            {
                command.Options.Add(configOption);
            }
        }

        return commands;
    }

    private static Command ListCommand(SyncManageRunner run)
    {
        var search = new Option<string?>("--search")
        {
            Description = "Only entries whose source or target holds TEXT",
        };
        var command = new Command("list", "List the sync entries of all regsync files") { search };
        command.SetAction(result => run.List(result, result.GetValue(search)));
        return command;
    }

    private static Command AddCommand(SyncManageRunner run)
    {
        var source = new Argument<string>("SOURCE")
        {
            Description = "Image or repository to copy, e.g. nginx or ghcr.io/org/app",
        };
        var target = new Argument<string?>("TARGET")
        {
            Description = "Where to copy it; guessed from SOURCE when left out",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var type = new Option<SyncType>("--type")
        {
            Description = "image, repository or registry (default: repository)",
            DefaultValueFactory = _ => SyncType.Repository,
        };
        var allow = AllowOption();
        var deny = DenyOption();
        var file = new Option<string?>("--file")
        {
            Description = "The regsync file to add to (default: the first file)",
        };
        var dryRun = DryRunOption();
        var command = new Command("add", "Add a sync entry")
        {
            source, target, type, allow, deny, file, dryRun,
        };
        command.SetAction(result => run.Change(result, result.GetValue(dryRun), manager => manager.PlanAdd(
            result.GetValue(source)!,
            result.GetValue(target),
            result.GetValue(type),
            result.GetValue(allow) ?? [],
            result.GetValue(deny) ?? [],
            result.GetValue(file))));
        return command;
    }

    private static Command EditCommand(SyncManageRunner run)
    {
        var selector = SelectorArgument();
        var target = new Option<string?>("--target") { Description = "New target" };
        var type = new Option<SyncType?>("--type") { Description = "New type: image, repository or registry" };
        var allow = AllowOption();
        var deny = DenyOption();
        var dryRun = DryRunOption();
        var command = new Command("edit", "Change a sync entry's target, type or tag filters")
        {
            selector, target, type, allow, deny, dryRun,
        };
        command.SetAction(result => run.Change(result, result.GetValue(dryRun), manager => manager.PlanEdit(
            result.GetValue(selector)!,
            result.GetValue(target),
            result.GetValue(type),
            NullIfAbsent(result, allow),
            NullIfAbsent(result, deny))));
        return command;
    }

    private static Command RemoveCommand(SyncManageRunner run)
    {
        var selector = SelectorArgument();
        var dryRun = DryRunOption();
        var command = new Command("remove", "Remove a sync entry") { selector, dryRun };
        command.SetAction(result => run.Change(
            result, result.GetValue(dryRun), manager => manager.PlanRemove(result.GetValue(selector)!)));
        return command;
    }

    private static Argument<string> SelectorArgument() =>
        new("INDEX|SOURCE") { Description = "The entry's number in 'sync list', or its source" };

    private static Option<string[]> AllowOption() =>
        new("--allow") { Description = "Tag regex to keep (whole tag; repeat for more)" };

    private static Option<string[]> DenyOption() =>
        new("--deny") { Description = "Tag regex to drop (whole tag; repeat for more)" };

    private static Option<bool> DryRunOption() =>
        new("--dry-run") { Description = "Show the change as a diff and write nothing" };

    /// <summary>Null when the option was not given, so edit keeps the list as it is.</summary>
    private static string[]? NullIfAbsent(ParseResult result, Option<string[]> option) =>
        result.GetResult(option) is null ? null : result.GetValue(option) ?? [];
}
