using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RegistryOps.Tests.Scheduling;

/// <summary>Keeps every event with the scope properties that were active when it was written.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly AsyncLocal<ImmutableScopes?> _scopes = new();

    public ConcurrentQueue<LoggedEvent> Events { get; } = new();

    public IDisposable BeginScope<TState>(TState state) where TState : notnull
    {
        var parent = _scopes.Value;
        var properties = new Dictionary<string, object?>(parent?.Properties ?? new Dictionary<string, object?>());
        if (state is IEnumerable<KeyValuePair<string, object>> pairs)
        {
            foreach (var (key, value) in pairs)
            {
                properties[key] = value;
            }
        }

        _scopes.Value = new ImmutableScopes(properties);
        return new Restore(() => _scopes.Value = parent);
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter) =>
        Events.Enqueue(new LoggedEvent(logLevel, eventId.Id, formatter(state, exception), exception,
            _scopes.Value?.Properties ?? new Dictionary<string, object?>()));

    private sealed record ImmutableScopes(IReadOnlyDictionary<string, object?> Properties);

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}

internal sealed record LoggedEvent(LogLevel Level, int EventId, string Message, Exception? Exception,
    IReadOnlyDictionary<string, object?> Scope);
