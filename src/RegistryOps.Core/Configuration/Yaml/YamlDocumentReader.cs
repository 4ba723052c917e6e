using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RegistryOps.Core.Configuration.Yaml;

/// <summary>Reads a YAML file into its representation model (every node keeps its line and
/// column), turning I/O and syntax failures into located problems.</summary>
internal static class YamlDocumentReader
{
    /// <summary>The root node of the file's single document; null when the file is empty or
    /// could not be read (then a problem says why, except for an empty file).</summary>
    public static YamlNode? Read(string path, YamlProblems problems)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problems.Error(YamlPosition.FileStart, "", $"cannot read the file: {exception.Message}");
            return null;
        }

        return Parse(text, problems);
    }

    public static YamlNode? Parse(string text, YamlProblems problems)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            ReportSyntaxError(text, exception, problems);
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            problems.Error(YamlPosition.From(second.Start), "", "only one YAML document is allowed per file");
        }

        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    private static void ReportSyntaxError(string text, YamlException exception, YamlProblems problems)
    {
        // YamlDotNet sometimes places a tab-indentation error at the start of the enclosing
        // mapping, so the tab itself is looked up to point the operator at the right line.
        var tab = exception.Message.Contains("tab", StringComparison.OrdinalIgnoreCase)
            ? FirstIndentingTab(text)
            : null;
        if (tab is { } position)
        {
            problems.Error(position, "", "tab character in indentation: YAML indents with spaces only");
            return;
        }

        var message = exception.Message.TrimEnd('.');
        if (message.StartsWith("Duplicate key ", StringComparison.Ordinal))
        {
            message = $"duplicate key '{message["Duplicate key ".Length..]}'";
        }
        else if (message.Length > 0)
        {
            message = "YAML syntax error: " + char.ToLowerInvariant(message[0]) + message[1..];
        }

        problems.Error(YamlPosition.From(exception.Start), "", message);
    }

    private static YamlPosition? FirstIndentingTab(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            for (var column = 0; column < line.Length && line[column] is ' ' or '\t'; column++)
            {
                if (line[column] == '\t' && line.Trim().Length > 0)
                {
                    return new YamlPosition(i + 1, column + 1);
                }
            }
        }

        return null;
    }
}
