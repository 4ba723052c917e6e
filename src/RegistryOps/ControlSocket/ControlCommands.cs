using System.CommandLine;
using System.Text.Json;

namespace RegistryOps.ControlSocket;

/// <summary><c>registryops status | trigger JOB | history [JOB]</c>: ask the running daemon.</summary>
internal static class ControlCommands
{
    /// <summary>Exit code when the daemon does not answer or refuses the request.</summary>
    private const int Unavailable = 69;
    private const int Refused = 4;

    public static IEnumerable<Command> Create(
        Option<string?> configOption,
        Func<string?, string> runtimeDirectory)
    {
        var json = new Option<bool>("--json") { Description = "Print the daemon's answer as JSON" };

        var status = new Command("status", "Show what the daemon is doing, the next runs and the registry lock");
        status.Options.Add(configOption);
        status.Options.Add(json);
        status.SetAction((result, token) => SendAsync(runtimeDirectory(result.GetValue(configOption)),
            new ControlRequest("status"), result.GetValue(json), ControlOutput.PrintStatus, token));

        var jobArgument = new Argument<string>("job") { Description = "Job name, e.g. changes or sync" };
        var trigger = new Command("trigger", "Start a job now in the running daemon");
        trigger.Arguments.Add(jobArgument);
        trigger.Options.Add(configOption);
        trigger.SetAction((result, token) => SendAsync(runtimeDirectory(result.GetValue(configOption)),
            new ControlRequest("trigger", result.GetValue(jobArgument)), false, ControlOutput.PrintTrigger, token));

        var optionalJob = new Argument<string?>("job")
        {
            Description = "Only this job",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var limit = new Option<int>("--limit") { Description = "Most runs to show", DefaultValueFactory = _ => 20 };
        var history = new Command("history", "Show recent runs from the state store, newest first");
        history.Arguments.Add(optionalJob);
        history.Options.Add(limit);
        history.Options.Add(configOption);
        history.Options.Add(json);
        history.SetAction((result, token) => SendAsync(runtimeDirectory(result.GetValue(configOption)),
            new ControlRequest("history", result.GetValue(optionalJob), result.GetValue(limit)),
            result.GetValue(json), ControlOutput.PrintHistory, token));

        return [status, trigger, history];
    }

    private static async Task<int> SendAsync(string runtimeDirectory, ControlRequest request, bool asJson,
        Action<JsonElement> print, CancellationToken cancellationToken)
    {
        ControlResponse response;
        try
        {
            response = await ControlClient.SendAsync(runtimeDirectory, request, cancellationToken);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"registryops: {ex.Message}");
            return Unavailable;
        }

        if (!response.Ok)
        {
            Console.Error.WriteLine($"registryops: {request.Command} refused: {response.Error}");
            return Refused;
        }

        if (asJson)
        {
            Console.WriteLine(response.Result?.GetRawText());
        }
        else if (response.Result is { } result)
        {
            print(result);
        }

        return 0;
    }
}
