namespace RegistryOps.Core.Configuration.Yaml;

/// <summary>Marks a string property that holds a file-system path (or glob): a relative value
/// is resolved against the directory of the YAML file, so a config file and the files it names
/// can move together.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class FilePathAttribute : Attribute;
