using YamlDotNet.RepresentationModel;

namespace RegistryOps.Jobs.Sync.Manage;

/// <summary>Where one sync item sits in the text (1-based lines, 0-based columns).</summary>
internal sealed record EntrySpan(YamlNode Node, int FirstLine, int LastLine, int DashColumn, int KeyColumn);
