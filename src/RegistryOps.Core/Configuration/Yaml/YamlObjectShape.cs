using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using YamlDotNet.Serialization;

namespace RegistryOps.Core.Configuration.Yaml;

/// <summary>One settable property of a config class, as the binder sees it.</summary>
internal sealed record YamlProperty(
    string Key,
    PropertyInfo Property,
    bool Nullable,
    bool IsFilePath,
    bool Required);

/// <summary>The keys a config class accepts: its public settable (or init) properties, in
/// declaration order, less those marked <see cref="YamlIgnoreAttribute"/>.</summary>
internal sealed class YamlObjectShape
{
    private static readonly ConcurrentDictionary<(Type, YamlNaming), YamlObjectShape> s_cache = new();

    private YamlObjectShape(IReadOnlyList<YamlProperty> properties)
    {
        Properties = properties;
        ByKey = properties.ToDictionary(p => p.Key, StringComparer.Ordinal);
    }

    public IReadOnlyList<YamlProperty> Properties { get; }

    public IReadOnlyDictionary<string, YamlProperty> ByKey { get; }

    public static YamlObjectShape Of(Type type, YamlNaming naming) =>
        s_cache.GetOrAdd((type, naming), static key => Build(key.Item1, key.Item2));

    private static YamlObjectShape Build(Type type, YamlNaming naming)
    {
        var nullability = new NullabilityInfoContext();
        var properties = new List<YamlProperty>();

        // Reflection lists a derived class's own properties first; sorting by depth puts the
        // shared base-class keys first, and metadata tokens keep declaration order within a type.
        var all = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .Where(p => p.GetCustomAttribute<YamlIgnoreAttribute>() is null)
            .OrderBy(p => Depth(p.DeclaringType!))
            .ThenBy(p => p.MetadataToken);

        foreach (var property in all)
        {
            var alias = property.GetCustomAttribute<YamlMemberAttribute>()?.Alias;
            var key = string.IsNullOrEmpty(alias) ? YamlNames.KeyFor(property.Name, naming) : alias;
            var nullable = property.PropertyType.IsValueType
                ? Nullable.GetUnderlyingType(property.PropertyType) is not null
                : nullability.Create(property).WriteState == NullabilityState.Nullable;
            var isPath = property.GetCustomAttribute<FilePathAttribute>() is not null;
            var required = property.GetCustomAttribute<RequiredMemberAttribute>() is not null;
            properties.Add(new YamlProperty(key, property, nullable, isPath, required));
        }

        return new YamlObjectShape(properties);
    }

    private static int Depth(Type type)
    {
        var depth = 0;
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            depth++;
        }

        return depth;
    }
}
