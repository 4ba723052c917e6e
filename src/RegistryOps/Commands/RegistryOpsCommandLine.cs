using System.CommandLine;

namespace RegistryOps.Commands;

/// <summary>The command tree and how it is invoked.</summary>
internal static class RegistryOpsCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("RegistryOps: sync, change reports, GC windows, backups and log "
            + "rotation for a self-hosted OCI registry, as one systemd daemon");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(OnceCommand.Create());
        return root;
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
        catch (Exception exception)
        {
            await Console.Error.WriteLineAsync($"registryops: internal error: {exception}");
            return ExitCodes.InternalError;
        }
    }
}
