using System.Text.Json;

namespace RegistryJanitor.Registries.Aws;

/// <summary>Reads the error type and message from an AWS JSON error body.</summary>
internal static class AwsErrorParser
{
    /// <summary>
    /// Returns <c>__type</c> with any prefix up to <c>#</c> removed (or the <c>x-amzn-ErrorType</c> header value),
    /// and <c>message</c>/<c>Message</c>.
    /// </summary>
    public static (string? Type, string? Message) Parse(string? body, string? errorTypeHeader)
    {
        string? type = null;
        string? message = null;
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    type = ReadString(document.RootElement, "__type") ?? ReadString(document.RootElement, "code");
                    var root = document.RootElement;
                    message = ReadString(root, "message") ?? ReadString(root, "Message");
                }
            }
            catch (JsonException)
            {
                message = body.Length > 300 ? body[..300] : body;
            }
        }

        type ??= errorTypeHeader?.Split(':')[0];
        return (StripPrefix(type), message);
    }

    public static string? StripPrefix(string? type)
    {
        if (type is null)
        {
            return null;
        }

        var hash = type.LastIndexOf('#');
        return hash >= 0 ? type[(hash + 1)..] : type;
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
