using System.Text.Json;
using RegistryJanitor.Registries.Cloud;

namespace RegistryJanitor.Registries.Acr;

/// <summary>Reads the first entry of an ACR/OCI error body <c>{"errors":[{"code","message"}]}</c>.</summary>
internal static class AcrErrors
{
    public static (string? Code, string? Message) Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var first = document.RootElement.ValueKind == JsonValueKind.Object
                ? CloudJson.Array(document.RootElement, "errors").FirstOrDefault()
                : default;
            return first.ValueKind == JsonValueKind.Object
                ? (CloudJson.String(first, "code"), CloudJson.String(first, "message"))
                : (null, body.Length > 300 ? body[..300] : body);
        }
        catch (JsonException)
        {
            return (null, body.Length > 300 ? body[..300] : body);
        }
    }
}
