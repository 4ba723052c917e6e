using System.CommandLine;
using RegistryOps.Hosting;

namespace RegistryOps.Commands;

/// <summary><c>registryops run</c>: the daemon, as systemd starts it.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var configOption = CommonOptions.Config();
        var logTargetOption = CommonOptions.LogTarget();

        var command = new Command("run", "Run the daemon in the foreground (systemd: Type=notify)");
        command.Options.Add(configOption);
        command.Options.Add(logTargetOption);

        command.SetAction((result, _) => Daemon.RunAsync(
            ConfigPath.Resolve(result.GetValue(configOption)),
            result.GetValue(logTargetOption),
            result.InvocationConfiguration.Error));

        return command;
    }
}
