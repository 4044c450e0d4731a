using System.Buffers.Text;
using System.Text.Json;

namespace RegistryJanitor.Registries.Acr;

/// <summary>Reads the <c>exp</c> claim of a JWT without validating it (ACR validates its own tokens).</summary>
internal static class JwtExpiry
{
    /// <summary>The expiry, or null when the token is not a JWT with a numeric <c>exp</c>.</summary>
    public static DateTimeOffset? Read(string? token)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 3 } || parts[1].Length > 16 * 1024)
        {
            return null;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(parts[1]);
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("exp", out var exp)
                   && exp.ValueKind == JsonValueKind.Number
                   && exp.TryGetInt64(out var seconds)
                   && seconds is > 0 and < 253_402_300_799
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
