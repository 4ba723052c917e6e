using RegistryOps.Core.Configuration;

namespace RegistryOps.Jobs.Sync.Config;

/// <summary>
/// Reads regsync config files (version 1) — one path or a glob such as
/// <c>/opt/registry/regsync*.yml</c> (the default of <c>jobs.sync.files</c>) — into typed,
/// effective <see cref="SyncEntry"/> values. Every problem of every file is reported at once with
/// file:line:column; a file with errors contributes no entries, the other files still do.
/// </summary>
public sealed class RegsyncConfigReader
{
    private readonly Func<string, string?> _getEnvironment;
    private readonly bool _resolveTemplates;

    public RegsyncConfigReader()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    /// <param name="getEnvironment">Looks up <c>{{ env "NAME" }}</c> values (tests pass a table).</param>
    /// <param name="resolveTemplates">False: file and env templates are checked but not read, so a
    /// file can be validated where its secrets are not available.</param>
    public RegsyncConfigReader(Func<string, string?> getEnvironment, bool resolveTemplates = true)
    {
        _getEnvironment = getEnvironment;
        _resolveTemplates = resolveTemplates;
    }

    /// <summary>A reader that checks shape only and reads no secret (for the entry commands).</summary>
    public static RegsyncConfigReader WithoutSecrets() => new(_ => null, resolveTemplates: false);

    /// <summary>Reads every file the path or glob names, in name order.</summary>
    public RegsyncReadResult Read(string pathOrGlob)
    {
        var paths = RegsyncFileGlob.Resolve(pathOrGlob);
        if (paths.Count == 0)
        {
            var problem = new ConfigProblem(pathOrGlob, 0, 0, "", "no regsync file matches");
            return new RegsyncReadResult([], [problem]);
        }

        return ReadFiles(paths);
    }

    public RegsyncReadResult ReadFiles(IEnumerable<string> paths)
    {
        var files = new List<RegsyncFile>();
        var problems = new List<ConfigProblem>();
        foreach (var path in paths)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add(new ConfigProblem(path, 0, 0, "", $"cannot read the file: {ex.Message}"));
                continue;
            }

            var one = ReadText(path, text);
            files.AddRange(one.Files);
            problems.AddRange(one.Problems);
        }

        return new RegsyncReadResult(files, problems);
    }

    /// <summary>Reads text as if it were the file at <paramref name="path"/> (relative template paths
    /// resolve against that file's folder); used to validate an edit before it is written.</summary>
    public RegsyncReadResult ReadText(string path, string text)
    {
        var fullPath = Path.GetFullPath(path);
        var sink = new ProblemSink(fullPath);
        var directory = Path.GetDirectoryName(fullPath) ?? "/";
        var templates = new TemplateExpander(_getEnvironment, directory, _resolveTemplates);
        var parser = new RegsyncFileParser(fullPath, sink, templates);
        var file = parser.Parse(text);

        var problems = sink.Problems.OrderBy(p => p.Line).ThenBy(p => p.Column).ToList();
        return file is null || sink.HasErrors
            ? new RegsyncReadResult([], problems)
            : new RegsyncReadResult([file], problems);
    }
}
