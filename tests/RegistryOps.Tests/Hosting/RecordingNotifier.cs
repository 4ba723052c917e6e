using Microsoft.Extensions.Hosting.Systemd;

namespace RegistryOps.Tests.Hosting;

/// <summary>An ISystemdNotifier that keeps what it is told.</summary>
internal sealed class RecordingNotifier : ISystemdNotifier
{
    private readonly List<string> _sent = [];

    public bool IsEnabled { get; init; } = true;

    public IReadOnlyList<string> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public void Notify(ServiceState state)
    {
        lock (_sent)
        {
            _sent.Add(state.ToString());
        }
    }
}
