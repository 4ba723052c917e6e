using System.Reflection;
using YamlDotNet.RepresentationModel;

namespace RegistryOps.Core.Configuration.Yaml;

/// <summary>
/// Binds a YAML representation model onto config classes by reflection, strictly: every key must
/// name a property, every value must convert, and every problem is reported (with key path and
/// position) before binding goes on with the next key. A value that fails keeps the property's
/// default, so one pass finds all problems. <see cref="Locations"/> maps each key path to where
/// it was written, for validators that run after binding.
/// </summary>
internal sealed partial class YamlBinder(YamlProblems problems, YamlBinderOptions? options = null)
{
    private readonly YamlBinderOptions _options = options ?? new YamlBinderOptions();
    private readonly Dictionary<string, YamlPosition> _locations =
        new(StringComparer.Ordinal) { [""] = YamlPosition.FileStart };

    /// <summary>Key path (<c>jobs.sync.min_interval</c>, <c>items[2]</c>) to the position of its
    /// value when that is a scalar, else to the position of its key.</summary>
    public IReadOnlyDictionary<string, YamlPosition> Locations => _locations;

    public YamlProblems Problems => problems;

    /// <summary>Binds a whole document. A null root (empty file) gives the defaults.</summary>
    public T BindRoot<T>(YamlNode? root)
        where T : class
    {
        if (root is null || IsNull(root))
        {
            return (T)Activator.CreateInstance(typeof(T))!;
        }

        if (root is not YamlMappingNode mapping)
        {
            var message = $"expected a mapping of keys at the top of the file, found {Found(root)}";
            problems.Error(YamlPosition.From(root.Start), "", message);
            return (T)Activator.CreateInstance(typeof(T))!;
        }

        return (T)BindObject(mapping, typeof(T), "");
    }

    /// <summary>Binds <paramref name="node"/> to <paramref name="type"/>; false (with the
    /// problem reported) when it does not fit.</summary>
    public bool TryBind(YamlNode node, Type type, string keyPath, bool nullable, out object? value)
    {
        value = null;
        var target = Nullable.GetUnderlyingType(type) ?? type;

        if (IsNull(node))
        {
            return BindNull(node, target, keyPath, nullable, out value);
        }

        if (_options.Converters.TryGetValue(target, out var custom))
        {
            return BindCustom(node, custom, keyPath, out value);
        }

        if (YamlScalars.IsScalar(target))
        {
            return BindScalar(node, target, keyPath, out value);
        }

        if (TryGetListElement(target, out var element))
        {
            return BindList(node, target, element, keyPath, out value);
        }

        if (TryGetDictionaryValue(target, out var valueType))
        {
            return BindDictionary(node, target, valueType, keyPath, out value);
        }

        if (target.IsClass && target.GetConstructor(Type.EmptyTypes) is not null)
        {
            if (node is not YamlMappingNode mapping)
            {
                return Mismatch(node, keyPath, "a mapping of keys");
            }

            value = BindObject(mapping, target, keyPath);
            return true;
        }

        throw new NotSupportedException($"The YAML binder cannot bind {target} (at {keyPath}).");
    }

    private object BindObject(YamlMappingNode mapping, Type type, string keyPath)
    {
        var instance = Activator.CreateInstance(type)!;
        var shape = YamlObjectShape.Of(type, _options.Naming);
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                problems.Error(YamlPosition.From(keyNode.Start), keyPath, "keys must be plain names");
                continue;
            }

            var childPath = keyPath.Length == 0 ? key : $"{keyPath}.{key}";
            if (!shape.ByKey.TryGetValue(key, out var property))
            {
                ReportUnknownKey(keyNode, key, childPath, shape);
                continue;
            }

            seen.Add(key);
            Record(childPath, keyNode, valueNode);
            if (TryBind(valueNode, property.Property.PropertyType, childPath, property.Nullable, out var value))
            {
                property.Property.SetValue(instance, ResolvePath(property, value));
            }
        }

        foreach (var property in shape.Properties.Where(p => p.Required && !seen.Contains(p.Key)))
        {
            problems.Error(YamlPosition.From(mapping.Start), keyPath, $"missing required key '{property.Key}'");
        }

        return instance;
    }

    private void ReportUnknownKey(YamlNode keyNode, string key, string childPath, YamlObjectShape shape)
    {
        var allowed = shape.Properties.Select(p => p.Key).ToList();
        var closest = YamlNames.Closest(key, allowed);
        var hint = closest is null ? "" : $"; did you mean '{closest}'?";
        var message = $"unknown key '{key}'{hint} (allowed here: {string.Join(", ", allowed)})";
        var at = YamlPosition.From(keyNode.Start);

        if (_options.Lenient)
        {
            problems.Warning(at, childPath, message);
        }
        else
        {
            problems.Error(at, childPath, message);
        }
    }

    private object? ResolvePath(YamlProperty property, object? value)
    {
        if (!property.IsFilePath || value is not string { Length: > 0 } path || _options.BaseDirectory is null)
        {
            return value;
        }

        return Path.GetFullPath(Path.Combine(_options.BaseDirectory, path));
    }

    private void Record(string keyPath, YamlNode keyNode, YamlNode valueNode)
    {
        var at = valueNode is YamlScalarNode && !IsNull(valueNode) ? valueNode.Start : keyNode.Start;
        _locations[keyPath] = YamlPosition.From(at);
    }
}
