using System.Text.Json;
using System.Text.Json.Serialization;

namespace RegistryOps.ControlSocket;

/// <summary>One request line on the control socket, e.g. <c>{"command":"trigger","job":"changes"}</c>.</summary>
internal sealed record ControlRequest(string Command, string? Job = null, int? Limit = null);

/// <summary>One response line: <c>ok</c> with a result, or an error an operator can act on.</summary>
internal sealed record ControlResponse(bool Ok, JsonElement? Result = null, string? Error = null)
{
    public static ControlResponse Success<T>(T result) =>
        new(true, JsonSerializer.SerializeToElement(result, ControlJson.Options));

    public static ControlResponse Failure(string error) => new(false, Error: error);
}

internal static class ControlJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
