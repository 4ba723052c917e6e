using System.CommandLine;
using RegistryOps.Hosting;

namespace RegistryOps.Commands;

/// <summary><c>registryops once JOB [--dry-run]</c>: one run of one job in the foreground,
/// through the same runner as the daemon (lock, history, metrics, notification).</summary>
internal static class OnceCommand
{
    public static Command Create()
    {
        var jobArgument = new Argument<string>("job") { Description = "Job name (e.g. changes, sync, gc)" };
        var dryRunOption = new Option<bool>("--dry-run")
        {
            Description = "Report what would change, change nothing",
        };
        var configOption = CommonOptions.Config();
        var logTargetOption = CommonOptions.LogTarget();

        var command = new Command("once", "Run one job once in the foreground and print its summary");
        command.Arguments.Add(jobArgument);
        command.Options.Add(dryRunOption);
        command.Options.Add(configOption);
        command.Options.Add(logTargetOption);

        command.SetAction((result, cancellationToken) => OneShot.RunAsync(
            new OneShotRequest(
                ConfigPath.Resolve(result.GetValue(configOption)),
                result.GetValue(jobArgument)!,
                result.GetValue(dryRunOption),
                result.GetValue(logTargetOption)),
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error,
            cancellationToken));

        return command;
    }
}
