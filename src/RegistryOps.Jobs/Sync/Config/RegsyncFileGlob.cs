using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace RegistryOps.Jobs.Sync.Config;

/// <summary>Turns <c>jobs.sync.files</c> (a path, or a glob with <c>*</c>, <c>?</c> or <c>**</c>) into
/// the files it names, sorted by full path.</summary>
public static class RegsyncFileGlob
{
    public static IReadOnlyList<string> Resolve(string pattern)
    {
        var full = Path.GetFullPath(pattern);
        var wildcard = full.IndexOfAny(['*', '?', '[']);
        if (wildcard < 0)
        {
            return File.Exists(full) ? [full] : [];
        }

        // The folder part before the first wildcard is the root the rest is matched under.
        var root = full[..(full.LastIndexOf('/', wildcard) + 1)];
        if (!Directory.Exists(root))
        {
            return [];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(full[root.Length..]);
        var result = matcher.Execute(new DirectoryInfoWrapper(new DirectoryInfo(root)));
        return
        [
            .. result.Files
                .Select(f => Path.GetFullPath(Path.Combine(root, f.Path)))
                .Order(StringComparer.Ordinal),
        ];
    }
}
