using System.Text.Json;
using RegistryJanitor.Core.Model;

namespace RegistryJanitor.Registries.Cloud;

/// <summary>Tolerant reads of cloud API JSON fields (ECR timestamps are epoch seconds, possibly fractional).</summary>
internal static class CloudJson
{
    public static string? String(JsonElement element, string name) =>
        TryGet(element, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static long? Int64(JsonElement element, string name) =>
        TryGet(element, name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt64(out var number)
            ? number
            : null;

    public static double? Double(JsonElement element, string name) =>
        TryGet(element, name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    public static JsonElement? Object(JsonElement element, string name) =>
        TryGet(element, name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    public static DateTimeOffset? EpochSeconds(JsonElement element, string name)
    {
        if (!TryGet(element, name, out var value) || value.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        var seconds = value.GetDouble();
        return double.IsFinite(seconds) && Math.Abs(seconds) < 1e11
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000))
            : null;
    }

    public static DateTimeOffset? Iso8601(JsonElement element, string name) =>
        DateTimeOffset.TryParse(String(element, name), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : null;

    public static bool? Boolean(JsonElement element, string name) =>
        TryGet(element, name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    public static IReadOnlyList<string> Strings(JsonElement element, string name)
    {
        if (!TryGet(element, name, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return value.EnumerateArray()
            .Where(item => item.ValueKind == JsonValueKind.String)
            .Select(item => item.GetString()!)
            .ToArray();
    }

    public static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        TryGet(element, name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().ToArray()
            : [];

    public static Digest? OptionalDigest(JsonElement element, string name) =>
        Digest.TryParse(String(element, name), out var digest) ? digest : null;

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value);
    }
}
