using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RegistryOps.Jobs.Sync.Config;

/// <summary>Reads one regsync file's text into a <see cref="RegsyncFile"/>, reporting every problem
/// it finds (with line and column) to the sink rather than stopping at the first.</summary>
internal sealed partial class RegsyncFileParser(string path, ProblemSink sink, TemplateExpander templates)
{
    private static readonly HashSet<string> NotImplementedTopLevel = [];

    private readonly string _path = path;
    private readonly ProblemSink _sink = sink;
    private readonly TemplateExpander _templates = templates;

    /// <summary>Set when a value of the cred or entry being read kept an unsupported template.</summary>
    private bool _unresolvedTemplate;

    /// <summary>The parsed file, or null when the text is not YAML at all.</summary>
    public RegsyncFile? Parse(string text)
    {
        var root = Load(text);
        if (root is null)
        {
            return null;
        }

        if (YamlNodes.IsNull(root))
        {
            _sink.Warning(root.Start, "", "the file holds no settings and no sync entries");
            return new RegsyncFile { Path = _path };
        }

        if (root is not YamlMappingNode map)
        {
            _sink.Error(
                root.Start, "", "a regsync file must be a mapping with version, creds, defaults and sync");
            return null;
        }

        var version = 1;
        YamlNode? creds = null, defaults = null, sync = null;
        foreach (var (key, value) in YamlNodes.Entries(map, _sink, ""))
        {
            switch (key.Value)
            {
                case "version":
                    version = ReadVersion(value);
                    break;
                case "creds":
                    creds = value;
                    break;
                case "defaults":
                    defaults = value;
                    break;
                case "sync":
                    sync = value;
                    break;
                default:
                    IgnoredKey(key, "", NotImplementedTopLevel);
                    break;
            }
        }

        var options = defaults is null ? new SyncOptionValues() : ReadDefaults(defaults);
        return new RegsyncFile
        {
            Path = _path,
            Version = version,
            Parallel = options.Parallel ?? RegsyncDefaults.Parallel,
            Creds = creds is null ? [] : ReadCreds(creds),
            Entries = sync is null ? [] : ReadSync(sync, options),
        };
    }

    private YamlNode? Load(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count > 1)
            {
                _sink.Warning(stream.Documents[1].RootNode.Start, "",
                    "only the first YAML document of the file is read");
            }

            return stream.Documents.Count == 0
                ? new YamlScalarNode(null as string)
                : stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
            _sink.Error(ex.Start, "", $"not valid YAML: {message}");
            return null;
        }
    }

    private int ReadVersion(YamlNode value)
    {
        var version = ReadInt(value, "version") ?? 1;
        if (version == 0)
        {
            return 1;
        }

        if (version != 1)
        {
            _sink.Error(value.Start, "version", $"version {version} is not supported (only version 1)");
        }

        return version;
    }

    /// <summary>Reports a key this reader does not use: extension keys (<c>x-…</c>) silently, as
    /// regsync documents them as the user's own; regsync keys RegistryOps does not implement and
    /// unknown keys as warnings, once per file and key.</summary>
    private void IgnoredKey(YamlScalarNode key, string path, IReadOnlySet<string> notImplemented)
    {
        var name = key.Value!;
        if (name.StartsWith("x-", StringComparison.Ordinal))
        {
            return;
        }

        var group = $"{GroupPath(path)}.{name}";
        var keyPath = YamlNodes.Join(path, name);
        var message = notImplemented.Contains(name)
            ? $"'{name}' is a regsync setting that RegistryOps does not implement; it is ignored"
            : $"unknown key '{name}' is ignored";
        _sink.WarningOnce(group, key.Start, keyPath, message);
    }

    /// <summary>sync[3].tags → sync[].tags, so a key ignored in every entry is reported once.</summary>
    private static string GroupPath(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path, @"\[\d+\]", "[]");
}
