using System.CommandLine;
using RegistryOps.Core.Configuration;
using RegistryOps.Jobs.Sync.Config;

namespace RegistryOps.Commands;

/// <summary><c>registryops validate [PATH] [--config PATH]</c>: reads the file as the daemon
/// would and prints every problem, or one line <c>OK: PATH</c>.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var pathArgument = new Argument<string?>("path")
        {
            Description = "Config file to check (same as --config)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var configOption = CommonOptions.Config();

        var command = new Command("validate", "Check a config file: print every problem, or OK");
        command.Arguments.Add(pathArgument);
        command.Options.Add(configOption);

        command.SetAction(result =>
        {
            var given = result.GetValue(pathArgument) ?? result.GetValue(configOption);
            return Run(ConfigPath.Resolve(given), result.InvocationConfiguration.Output,
                result.InvocationConfiguration.Error);
        });

        return command;
    }

    internal static int Run(string path, TextWriter output, TextWriter error)
    {
        var result = ConfigLoader.Load(path);

        // Warnings go with errors to standard error; standard out carries only the verdict.
        ConfigProblemPrinter.Print(result.Problems, error);
        if (!result.IsValid)
        {
            return ExitCodes.InvalidConfigOrUsage;
        }

        if (!RegsyncFilesAreValid(path, result.Config!, error))
        {
            return ExitCodes.InvalidConfigOrUsage;
        }

        output.WriteLine($"OK: {path}");
        return ExitCodes.Ok;
    }

    /// <summary>The regsync files the sync job would read are part of what an operator means by
    /// "my config", so their shape is checked too: a bad regex or entry type fails here rather
    /// than at the next sync. Their <c>{{ file }}</c> and <c>{{ env }}</c> templates are left for
    /// the run, which happens in the daemon's environment, not this shell's.</summary>
    private static bool RegsyncFilesAreValid(string path, RegistryOpsConfig config, TextWriter error)
    {
        var sync = config.Jobs.Sync;
        if (!sync.Enabled)
        {
            return true;
        }

        var files = RegsyncFileGlob.Resolve(sync.Files);
        if (files.Count == 0)
        {
            error.WriteLine($"{path}: warning: jobs.sync.files: no regsync file matches {sync.Files}; "
                + "the sync job has nothing to do until one exists");
            return true;
        }

        var regsync = RegsyncConfigReader.WithoutSecrets().ReadFiles(files);
        ConfigProblemPrinter.Print(regsync.Problems, error);
        return !regsync.HasErrors;
    }
}
