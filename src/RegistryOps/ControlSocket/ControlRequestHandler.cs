using RegistryOps.Core.State;
using RegistryOps.Core.Scheduling;

namespace RegistryOps.ControlSocket;

/// <summary>Answers control requests; kept apart from the socket so it is testable on its own.</summary>
internal sealed class ControlRequestHandler(IStatusReporter status, IJobTrigger trigger, IStateStore store)
{
    private const int DefaultHistoryLimit = 20;
    private const int MaxHistoryLimit = 500;

    public async Task<ControlResponse> HandleAsync(
        ControlRequest request,
        CancellationToken cancellationToken)
    {
        switch (request.Command)
        {
            case "status":
                return ControlResponse.Success(status.Report());

            case "trigger" when string.IsNullOrWhiteSpace(request.Job):
                return ControlResponse.Failure("trigger needs a job name");

            case "trigger":
                var result = trigger.Trigger(request.Job!);
                return result.Accepted ? ControlResponse.Success(result) : ControlResponse.Failure(result.Message);

            case "history":
                var limit = Math.Clamp(request.Limit ?? DefaultHistoryLimit, 1, MaxHistoryLimit);
                var runs = await store.GetHistoryAsync(request.Job, limit, cancellationToken);
                return ControlResponse.Success(runs);

            default:
                return ControlResponse.Failure($"unknown command '{request.Command}' (status, trigger, history)");
        }
    }
}
