using System.Text.RegularExpressions;

namespace RegistryOps.Jobs.Sync;

/// <summary>
/// Renders a regsync <c>backup</c> template for the target image about to be overwritten. Only
/// plain field references are supported: <c>{{.Ref.Tag}}</c>, <c>{{.Ref.Repository}}</c>,
/// <c>{{.Ref.Registry}}</c> and <c>{{.Ref.Digest}}</c> (the old target digest, with the
/// <c>sha256:</c> prefix dropped so it fits in a tag). Go template functions and pipelines
/// (e.g. <c>time.Now</c>, <c>printf</c>) are not; a template using them fails that image
/// instead of writing a wrong tag. A result without ':' or '/' is a tag in the target repository;
/// otherwise it is <c>repository:tag</c> in the target registry.
/// </summary>
internal static partial class BackupTemplate
{
    public static ImageReference Render(string template, ImageReference target, string oldDigest)
    {
        var rendered = Field().Replace(template, m => m.Groups[1].Value switch
        {
            "Tag" => target.Tag ?? "",
            "Repository" => target.Repository,
            "Registry" => target.Registry,
            "Digest" => oldDigest.Replace("sha256:", "", StringComparison.Ordinal),
            var other => throw new FormatException($"backup template field .Ref.{other} is not supported"),
        });

        if (rendered.Contains("{{", StringComparison.Ordinal))
        {
            throw new FormatException(
                $"backup template '{template}' uses template functions, which are not supported");
        }

        rendered = rendered.Trim();
        if (rendered.Length == 0)
        {
            throw new FormatException($"backup template '{template}' rendered an empty tag");
        }

        if (!rendered.Contains(':') && !rendered.Contains('/'))
        {
            return target.WithTag(rendered);
        }

        var colon = rendered.LastIndexOf(':');
        return colon < 0
            ? target with { Repository = rendered }
            : target with { Repository = rendered[..colon], Tag = rendered[(colon + 1)..] };
    }

    [GeneratedRegex(@"\{\{-?\s*\.Ref\.(\w+)\s*-?\}\}")]
    private static partial Regex Field();
}
