using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using RegistryOps.Hosting.Systemd;

namespace RegistryOps.Tests.Hosting;

public sealed class SystemdStatusServiceTests
{
    private readonly RecordingNotifier _notifier = new();
    private readonly FakeStatus _status = new();
    private readonly FakeLifetime _lifetime = new();

    [Fact]
    public async Task Started_SendsTheCurrentLineThenEachChange()
    {
        var service = CreateService();
        await service.StartAsync(CancellationToken.None);

        _lifetime.Start();
        _status.Raise("running: changes; next: gc at 02:30");

        Assert.Equal(["STATUS=idle; next: changes at 14:15", "STATUS=running: changes; next: gc at 02:30"],
            _notifier.Sent);
    }

    [Fact]
    public async Task SameLineTwice_IsSentOnce()
    {
        var service = CreateService();
        await service.StartAsync(CancellationToken.None);

        _lifetime.Start();
        _status.Raise("idle; next: changes at 14:15");

        Assert.Single(_notifier.Sent);
    }

    [Fact]
    public async Task DescribeThrows_NothingEscapes()
    {
        _status.Fail = true;
        var service = CreateService();
        await service.StartAsync(CancellationToken.None);

        _lifetime.Start();

        Assert.Empty(_notifier.Sent);
    }

    [Fact]
    public async Task NoNotifySocket_SubscribesToNothing()
    {
        var service = new SystemdStatusService(_status, new RecordingNotifier { IsEnabled = false }, _lifetime,
            NullLogger<SystemdStatusService>.Instance);

        await service.StartAsync(CancellationToken.None);

        Assert.False(_status.HasListeners);
    }

    private SystemdStatusService CreateService() =>
        new(_status, _notifier, _lifetime, NullLogger<SystemdStatusService>.Instance);

    private sealed class FakeStatus : IDaemonStatus
    {
        public bool Fail { get; set; }

        public bool HasListeners => Changed is not null;

        public event Action<string>? Changed;

        public string Describe() =>
            Fail ? throw new InvalidOperationException("broken") : "idle; next: changes at 14:15";

        public void Raise(string text) => Changed?.Invoke(text);
    }

    private sealed class FakeLifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _started = new();

        public CancellationToken ApplicationStarted => _started.Token;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void Start() => _started.Cancel();

        public void StopApplication()
        {
        }
    }
}
