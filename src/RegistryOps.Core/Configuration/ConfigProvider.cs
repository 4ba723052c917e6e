namespace RegistryOps.Core.Configuration;

/// <summary>
/// Holds the live config snapshot of one file. The constructor refuses an invalid file (the
/// daemon must not start on it); <see cref="Reload"/> reads and validates the whole file again
/// and swaps the snapshot only when it is valid, so readers see the old or the new config,
/// never a mix, and a bad file leaves the daemon on the config it had.
/// </summary>
public sealed class ConfigProvider : IConfigProvider
{
    public const string DefaultPath = "/etc/registryops/registryops.yml";

    // Serialises reloads, so two quick SIGHUPs cannot swap their snapshots out of order.
    private readonly Lock _reloadGate = new();
    private RegistryOpsConfig _current;
    private IReadOnlyList<ConfigProblem> _warnings;

    /// <exception cref="ConfigException">The file has errors.</exception>
    public ConfigProvider(string path)
    {
        Path = path;

        var result = ConfigLoader.Load(path);
        if (!result.IsValid)
        {
            throw new ConfigException(path, result.Problems);
        }

        _current = result.Config!;
        _warnings = [.. result.Warnings];
    }

    /// <summary>The file as given (relative paths stay relative, as in problem lines).</summary>
    public string Path { get; }

    public RegistryOpsConfig Current => Volatile.Read(ref _current);

    /// <summary>Warnings of the load that produced <see cref="Current"/>, for the host to log.</summary>
    public IReadOnlyList<ConfigProblem> Warnings => Volatile.Read(ref _warnings);

    public event Action<RegistryOpsConfig>? Changed;

    /// <summary>Reads the file again. Returns its errors and warnings when it has errors (the
    /// current snapshot stays); returns an empty list after a successful swap, whose warnings
    /// are then in <see cref="Warnings"/>.</summary>
    public IReadOnlyList<ConfigProblem> Reload()
    {
        lock (_reloadGate)
        {
            var result = ConfigLoader.Load(Path);
            if (!result.IsValid)
            {
                return result.Problems;
            }

            var next = result.Config!;
            Volatile.Write(ref _warnings, [.. result.Warnings]);
            Interlocked.Exchange(ref _current, next);

            // Raised inside the gate so subscribers see the swaps in the order they happened.
            // A subscriber that throws makes Reload throw, but the new snapshot is already live.
            Changed?.Invoke(next);
            return [];
        }
    }
}
