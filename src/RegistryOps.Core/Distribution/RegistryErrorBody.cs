using System.Text.Json;

namespace RegistryOps.Core.Distribution;

/// <summary>Reads the first entry of the distribution API's <c>{"errors":[{code,message}]}</c>.</summary>
internal static class RegistryErrorBody
{
    public static async Task<(string? Code, string? Message)> ReadAsync(HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (string.IsNullOrWhiteSpace(text) || text.Length > 64 * 1024)
            {
                return (null, null);
            }

            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                return (Text(first, "code"), Text(first, "message"));
            }
        }
        catch (JsonException)
        {
            // Not the API's error shape (e.g. a proxy's HTML page): the status says enough.
        }
        catch (HttpRequestException)
        {
            // The body could not be read; the status says enough.
        }

        return (null, null);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
