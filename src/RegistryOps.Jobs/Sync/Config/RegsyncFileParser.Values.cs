using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace RegistryOps.Jobs.Sync.Config;

internal sealed partial class RegsyncFileParser
{
    private string? ReadString(YamlNode node, string keyPath)
    {
        if (YamlNodes.IsNull(node))
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        _sink.Error(node.Start, keyPath, "must be a single value, not a list or mapping");
        return null;
    }

    private int? ReadInt(YamlNode node, string keyPath)
    {
        var text = ReadString(node, keyPath);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        _sink.Error(node.Start, keyPath, $"'{text}' is not a whole number");
        return null;
    }

    private double? ReadDouble(YamlNode node, string keyPath)
    {
        var text = ReadString(node, keyPath);
        if (text is null)
        {
            return null;
        }

        var parsed = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value);
        if (parsed && value >= 0)
        {
            return value;
        }

        _sink.Error(node.Start, keyPath, $"'{text}' is not a number of zero or more");
        return null;
    }

    private bool? ReadBool(YamlNode node, string keyPath)
    {
        var text = ReadString(node, keyPath);
        switch (text)
        {
            case null:
                return null;
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
            default:
                _sink.Error(node.Start, keyPath, $"'{text}' is not true or false");
                return null;
        }
    }

    private TimeSpan? ReadDuration(YamlNode node, string keyPath)
    {
        var text = ReadString(node, keyPath);
        if (text is null)
        {
            return null;
        }

        if (GoDuration.TryParse(text, out var value) && value >= TimeSpan.Zero)
        {
            return value;
        }

        _sink.Error(node.Start, keyPath, $"'{text}' is not a duration such as 30s, 60m or 1h30m");
        return null;
    }

    /// <summary>A list of strings with the node of each item, for per-item errors.</summary>
    private List<(string Value, YamlNode Node)> ReadStringList(YamlNode node, string keyPath)
    {
        if (YamlNodes.IsNull(node))
        {
            return [];
        }

        if (node is not YamlSequenceNode list)
        {
            _sink.Error(node.Start, keyPath, "must be a list");
            return [];
        }

        var items = new List<(string, YamlNode)>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var item = list.Children[i];
            var text = ReadString(item, $"{keyPath}[{i}]");
            if (text is not null)
            {
                items.Add((text, item));
            }
        }

        return items;
    }

    private IReadOnlyList<(YamlScalarNode Key, YamlNode Value)> ReadMapping(YamlNode node, string keyPath)
    {
        if (YamlNodes.IsNull(node))
        {
            return [];
        }

        if (node is YamlMappingNode map)
        {
            return YamlNodes.Entries(map, _sink, keyPath);
        }

        _sink.Error(node.Start, keyPath, "must be a mapping of keys to values");
        return [];
    }

    /// <summary>Expands file/env templates in a value; reports failures at the value's place.</summary>
    private TemplateExpansion Expand(string value, YamlNode node, string keyPath)
    {
        var expansion = _templates.Expand(value);
        foreach (var error in expansion.Errors)
        {
            _sink.Error(node.Start, keyPath, error);
        }

        foreach (var name in expansion.Unsupported.Distinct())
        {
            _unresolvedTemplate = true;
            _sink.Warning(node.Start, keyPath,
                $"template '{name}' is not supported (only file and env); the value is kept as written");
        }

        return expansion;
    }
}
