using System.Collections;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RegistryOps.Core.Configuration.Yaml;

// Scalars, nulls, lists and dictionaries: the leaves and containers below a config class.
internal sealed partial class YamlBinder
{
    private static readonly Type[] s_listShapes =
    [
        typeof(List<>), typeof(IList<>), typeof(IReadOnlyList<>), typeof(ICollection<>),
        typeof(IReadOnlyCollection<>), typeof(IEnumerable<>),
    ];

    private static readonly Type[] s_dictionaryShapes =
    [
        typeof(Dictionary<,>), typeof(IDictionary<,>), typeof(IReadOnlyDictionary<,>),
    ];

    /// <summary>An empty plain scalar, <c>~</c> or <c>null</c>; a quoted <c>''</c> is a string.</summary>
    internal static bool IsNull(YamlNode node) =>
        node is YamlScalarNode
        {
            Style: ScalarStyle.Plain or ScalarStyle.Any,
            Value: null or "" or "~" or "null" or "Null" or "NULL",
        };

    private bool BindNull(YamlNode node, Type target, string keyPath, bool nullable, out object? value)
    {
        value = null;
        if (nullable)
        {
            return true;
        }

        // An empty section such as "paths:" means "all defaults", like an absent one.
        if (target.IsClass && target != typeof(string) && !YamlScalars.IsScalar(target)
            && !_options.Converters.ContainsKey(target) && target.GetConstructor(Type.EmptyTypes) is not null
            && !TryGetListElement(target, out _) && !TryGetDictionaryValue(target, out _))
        {
            value = Activator.CreateInstance(target);
            return true;
        }

        problems.Error(YamlPosition.From(node.Start), keyPath, $"missing value: expected {Describe(target)}");
        return false;
    }

    private bool BindCustom(YamlNode node, CustomScalar custom, string keyPath, out object? value)
    {
        value = null;
        if (node is not YamlScalarNode { Value: { } text })
        {
            return Mismatch(node, keyPath, custom.Description);
        }

        value = custom.Convert(text, new ScalarSite(keyPath, YamlPosition.From(node.Start), problems));
        return value is not null;
    }

    private bool BindScalar(YamlNode node, Type target, string keyPath, out object? value)
    {
        value = null;
        if (node is not YamlScalarNode { Value: { } text })
        {
            return Mismatch(node, keyPath, Describe(target));
        }

        if (YamlScalars.TryConvert(text, target, _options.Naming, out value, out var error))
        {
            return true;
        }

        problems.Error(YamlPosition.From(node.Start), keyPath, error);
        return false;
    }

    private bool BindList(YamlNode node, Type target, Type element, string keyPath, out object? value)
    {
        value = null;
        if (node is not YamlSequenceNode sequence)
        {
            return Mismatch(node, keyPath, $"a list of {Describe(element)}");
        }

        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        var index = 0;
        foreach (var item in sequence.Children)
        {
            var itemPath = $"{keyPath}[{index++}]";
            _locations[itemPath] = YamlPosition.From(item.Start);
            if (TryBind(item, element, itemPath, nullable: false, out var itemValue))
            {
                list.Add(itemValue);
            }
        }

        if (target.IsArray)
        {
            var array = Array.CreateInstance(element, list.Count);
            list.CopyTo(array, 0);
            value = array;
        }
        else
        {
            value = list;
        }

        return true;
    }

    private bool BindDictionary(YamlNode node, Type target, Type valueType, string keyPath, out object? value)
    {
        value = null;
        if (node is not YamlMappingNode mapping)
        {
            return Mismatch(node, keyPath, $"a mapping of names to {Describe(valueType)}");
        }

        var dictionaryType = typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType);
        var dictionary = (IDictionary)Activator.CreateInstance(dictionaryType, StringComparer.Ordinal)!;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                problems.Error(YamlPosition.From(keyNode.Start), keyPath, "keys must be plain names");
                continue;
            }

            var childPath = $"{keyPath}.{key}";
            Record(childPath, keyNode, valueNode);
            if (TryBind(valueNode, valueType, childPath, nullable: false, out var itemValue))
            {
                dictionary[key] = itemValue;
            }
        }

        value = dictionary;
        return true;
    }

    private bool Mismatch(YamlNode node, string keyPath, string expected)
    {
        problems.Error(YamlPosition.From(node.Start), keyPath, $"expected {expected}, found {Found(node)}");
        return false;
    }

    private string Describe(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (_options.Converters.TryGetValue(target, out var custom))
        {
            return custom.Description;
        }

        if (YamlScalars.IsScalar(target))
        {
            return YamlScalars.Describe(target, _options.Naming);
        }

        return TryGetListElement(target, out _) ? "a list" : "a mapping of keys";
    }

    // Never the scalar's text: this also describes values bound by custom (secret) converters.
    private static string Found(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ => "a single value",
    };

    private static bool TryGetListElement(Type type, out Type element)
    {
        element = typeof(object);
        if (type.IsArray)
        {
            element = type.GetElementType()!;
            return true;
        }

        if (type.IsGenericType && s_listShapes.Contains(type.GetGenericTypeDefinition()))
        {
            element = type.GetGenericArguments()[0];
            return true;
        }

        return false;
    }

    private static bool TryGetDictionaryValue(Type type, out Type valueType)
    {
        valueType = typeof(object);
        if (type.IsGenericType && s_dictionaryShapes.Contains(type.GetGenericTypeDefinition())
            && type.GetGenericArguments()[0] == typeof(string))
        {
            valueType = type.GetGenericArguments()[1];
            return true;
        }

        return false;
    }
}
