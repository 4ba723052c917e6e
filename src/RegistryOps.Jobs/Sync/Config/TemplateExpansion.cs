namespace RegistryOps.Jobs.Sync.Config;

/// <summary>The outcome of expanding one value's templates.</summary>
/// <param name="Value">The expanded text; the value as written when <see cref="Unsupported"/> is set
/// or an error occurred.</param>
/// <param name="Errors">Messages for templates that could not be resolved (unreadable file, unset
/// variable, malformed action); they name the template, never a resolved value.</param>
/// <param name="Unsupported">Actions this reader does not implement (the function or field named).</param>
/// <param name="Sources">Where the value came from (<c>file:PATH</c>, <c>env:NAME</c>), for secret
/// references.</param>
internal sealed record TemplateExpansion(
    string Value,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Unsupported,
    IReadOnlyList<string> Sources)
{
    public bool UsedTemplate => Sources.Count > 0 || Unsupported.Count > 0 || Errors.Count > 0;
}
