using System.CommandLine;
using RegistryOps.Commands.Sync;
using RegistryOps.ControlSocket;
using RegistryOps.Core.Jobs;

namespace RegistryOps.Commands;

/// <summary>The command tree and how it is invoked.</summary>
internal static class RegistryOpsCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("RegistryOps: image sync and change reports for a self-hosted OCI "
            + "registry, as one systemd daemon (GC windows, backups and log rotation are not built yet)");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(OnceCommand.Create());

        foreach (var command in ControlCommands.Create(CommonOptions.Config(), CommandConfig.RuntimeDirectory))
        {
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(SyncCommand());
        root.Subcommands.Add(HubLimitCommand.Create());
        return root;
    }

    /// <summary><c>sync list|add|edit|remove|check</c>, each with --config.</summary>
    private static Command SyncCommand()
    {
        var sync = SyncManageCommands.Create(
            config => SyncManageSettings.From(CommandConfig.Load(config)),
            configOption: CommonOptions.Config());
        sync.Subcommands.Add(SyncCheckCommand.Create());
        return sync;
    }

    public static async Task<int> InvokeAsync(string[] args)
    {
        var configuration = new InvocationConfiguration
        {
            // SIGTERM and SIGINT belong to the host (graceful stop within ShutdownTimeout) and to
            // `once` (cancel the job, let it restore); the parser's own handler would exit early.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };

        try
        {
            return await Create().Parse(args).InvokeAsync(configuration);
        }
        catch (Exception exception) when (ExpectedFailure.Is(exception))
        {
            await Console.Error.WriteLineAsync($"registryops: {exception.Message}");
            return ExitCodes.InternalError;
        }
        catch (Exception exception)
        {
            await Console.Error.WriteLineAsync($"registryops: internal error: {exception}");
            return ExitCodes.InternalError;
        }
    }
}
