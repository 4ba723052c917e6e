using RegistryOps.Core.Configuration;
using YamlDotNet.RepresentationModel;

namespace RegistryOps.Jobs.Sync.Config;

internal sealed partial class RegsyncFileParser
{
    private static readonly HashSet<string> NotImplementedCreds =
    [
        "token", "credHelper", "credExpire", "credHost", "clientCert", "clientKey", "pathPrefix",
        "mirrors", "priority", "api", "apiOpts", "blobChunk", "blobMax", "scheme",
    ];

    private List<RegsyncCred> ReadCreds(YamlNode node)
    {
        if (YamlNodes.IsNull(node))
        {
            return [];
        }

        if (node is not YamlSequenceNode list)
        {
            _sink.Error(node.Start, "creds", "must be a list of registry entries");
            return [];
        }

        var creds = new List<RegsyncCred>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (ReadCred(list.Children[i], $"creds[{i}]") is { } cred)
            {
                creds.Add(cred);
            }
        }

        return creds;
    }

    private RegsyncCred? ReadCred(YamlNode node, string path)
    {
        string? registry = null, hostname = null, user = null, regCert = null;
        Secret? pass = null;
        _unresolvedTemplate = false;
        var cred = new RegsyncCred { Registry = "", File = _path, Line = (int)node.Start.Line };

        foreach (var (key, value) in ReadMapping(node, path))
        {
            var keyPath = $"{path}.{key.Value}";
            switch (key.Value)
            {
                case "registry":
                    registry = ExpandedString(value, keyPath);
                    break;
                case "hostname":
                    hostname = ReadString(value, keyPath);
                    break;
                case "user":
                    user = ExpandedString(value, keyPath);
                    break;
                case "pass":
                    pass = ReadPass(value, keyPath);
                    break;
                case "regcert":
                    regCert = ExpandedString(value, keyPath);
                    break;
                case "tls":
                    cred = cred with { Tls = ReadTls(value, keyPath) };
                    break;
                case "reqPerSec":
                    cred = cred with { ReqPerSec = ReadDouble(value, keyPath) ?? 0 };
                    break;
                case "reqConcurrent":
                    var concurrent = ReadInt(value, keyPath);
                    cred = cred with
                    {
                        ReqConcurrent = concurrent > 0 ? concurrent.Value : RegsyncCred.DefaultReqConcurrent,
                    };
                    break;
                case "repoAuth":
                    cred = cred with { RepoAuth = ReadBool(value, keyPath) ?? false };
                    break;
                default:
                    IgnoredKey(key, path, NotImplementedCreds);
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(registry))
        {
            _sink.Error(node.Start, path, "registry is required in a creds entry");
            return null;
        }

        return cred with
        {
            Registry = registry, Hostname = hostname, User = user, Pass = pass, RegCert = regCert,
            HasUnresolvedTemplate = _unresolvedTemplate,
        };
    }

    private string? ExpandedString(YamlNode value, string keyPath)
    {
        var text = ReadString(value, keyPath);
        return text is null ? null : Expand(text, value, keyPath).Value;
    }

    /// <summary>The password as a <see cref="Secret"/> whose reference says where it came from.</summary>
    private Secret? ReadPass(YamlNode value, string keyPath)
    {
        var text = ReadString(value, keyPath);
        if (text is null)
        {
            return null;
        }

        var expansion = Expand(text, value, keyPath);
        var origin = expansion.Sources.Count == 1
            ? expansion.Sources[0]
            : $"{(expansion.UsedTemplate ? "template" : "inline")}:"
                + $"{Path.GetFileName(_path)}:{value.Start.Line}";
        return new Secret(origin, expansion.Value);
    }

    private RegsyncTls ReadTls(YamlNode value, string keyPath)
    {
        switch (ReadString(value, keyPath))
        {
            case null or "enabled":
                return RegsyncTls.Enabled;
            case "insecure":
                return RegsyncTls.Insecure;
            case "disabled":
                return RegsyncTls.Disabled;
            case var other:
                _sink.Error(value.Start, keyPath, $"'{other}' is not one of enabled, insecure, disabled");
                return RegsyncTls.Enabled;
        }
    }
}
