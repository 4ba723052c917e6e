using System.Text.Json;
using System.Text.Json.Serialization;

namespace RegistryOps.Jobs.ChangeDetection;

/// <summary>
/// What the registry held at one moment: repository → tag → manifest digest. A repository with no
/// tags is not in it (registry 2.8 keeps a repository in the catalog after its last tag is
/// deleted; for people it is gone). Names are kept sorted (ordinal) so the JSON is stable.
/// </summary>
public sealed class RegistrySnapshot
{
    private const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public RegistrySnapshot(
        DateTimeOffset takenAt,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> repositories)
    {
        TakenAt = takenAt;
        Repositories = new SortedDictionary<string, IReadOnlyDictionary<string, string>>(
            repositories.Where(r => r.Value.Count > 0)
                .ToDictionary(r => r.Key, r => (IReadOnlyDictionary<string, string>)
                    new SortedDictionary<string, string>(r.Value.ToDictionary(), StringComparer.Ordinal)),
            StringComparer.Ordinal);
    }

    public DateTimeOffset TakenAt { get; }

    /// <summary>Repository → tag → digest; only repositories with at least one tag.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Repositories { get; }

    public int RepositoryCount => Repositories.Count;

    public int TagCount => Repositories.Values.Sum(t => t.Count);

    public string ToJson() => JsonSerializer.Serialize(new Document
    {
        Version = FormatVersion,
        TakenAt = TakenAt,
        Repositories = Repositories.ToDictionary(r => r.Key, r => r.Value.ToDictionary()),
    }, Json);

    /// <summary>Reads a stored snapshot; throws <see cref="FormatException"/> for anything else.</summary>
    public static RegistrySnapshot FromJson(string json)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, Json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"stored snapshot is not valid JSON: {e.Message}", e);
        }

        if (document is null || document.Version != FormatVersion || document.Repositories is null)
        {
            throw new FormatException($"stored snapshot has an unknown format (version {document?.Version})");
        }

        return new RegistrySnapshot(document.TakenAt,
            document.Repositories.ToDictionary(r => r.Key, r => (IReadOnlyDictionary<string, string>)r.Value));
    }

    private sealed class Document
    {
        public int Version { get; init; }

        public DateTimeOffset TakenAt { get; init; }

        public Dictionary<string, Dictionary<string, string>>? Repositories { get; init; }
    }
}
