using RegistryOps.Core.Configuration;
using YamlDotNet.Core;

namespace RegistryOps.Jobs.Sync.Config;

/// <summary>
/// Collects the problems of one file. A problem at the same place is kept once (a node reached
/// through several aliases is read several times), and a warning given with a group (an ignored
/// key) is reported once per file, naming the further lines where it occurs.
/// </summary>
internal sealed class ProblemSink(string file)
{
    private readonly List<ConfigProblem> _problems = [];
    private readonly HashSet<string> _seen = [];
    private readonly Dictionary<string, (int Index, List<int> MoreLines)> _groups = [];

    public string File { get; } = file;

    public IReadOnlyList<ConfigProblem> Problems => _problems;

    public bool HasErrors => _problems.Any(p => !p.IsWarning);

    public void Error(Mark at, string keyPath, string message) => Add(at, keyPath, message, false);

    public void Warning(Mark at, string keyPath, string message) => Add(at, keyPath, message, true);

    /// <summary>A warning reported once per <paramref name="group"/>; later places are listed in it.</summary>
    public void WarningOnce(string group, Mark at, string keyPath, string message)
    {
        var line = (int)at.Line;
        if (_groups.TryGetValue(group, out var known))
        {
            if (_problems[known.Index].Line == line || known.MoreLines.Contains(line))
            {
                return;
            }

            known.MoreLines.Add(line);
            var first = _problems[known.Index];
            var more = string.Join(", ", known.MoreLines);
            _problems[known.Index] = first with { Message = $"{message} (also at line {more})" };
            return;
        }

        if (Add(at, keyPath, message, true))
        {
            _groups[group] = (_problems.Count - 1, []);
        }
    }

    private bool Add(Mark at, string keyPath, string message, bool warning)
    {
        var line = (int)at.Line;
        var column = (int)at.Column;
        if (!_seen.Add($"{line}:{column}:{warning}:{message}"))
        {
            return false;
        }

        _problems.Add(new ConfigProblem(File, line, column, keyPath, message) { IsWarning = warning });
        return true;
    }
}
