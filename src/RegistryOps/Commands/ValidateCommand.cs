using System.CommandLine;
using RegistryOps.Core.Configuration;

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

        output.WriteLine($"OK: {path}");
        return ExitCodes.Ok;
    }
}
