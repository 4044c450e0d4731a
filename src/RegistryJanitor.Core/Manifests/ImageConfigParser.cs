using System.Globalization;
using System.Text.Json;

namespace RegistryJanitor.Core.Manifests;

/// <summary>Reads the facts the product keeps from an image config blob. Pure.</summary>
public static class ImageConfigParser
{
    /// <summary>Parses a config blob of one of the two image config media types.</summary>
    /// <exception cref="ManifestFormatException">The body is not a JSON object.</exception>
    public static ImageConfigFacts Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, JsonReading.DocumentOptions);
            return Parse(document.RootElement);
        }
        catch (JsonException exception)
        {
            throw new ManifestFormatException("The image config is not valid JSON.", exception);
        }
    }

    private static ImageConfigFacts Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ManifestFormatException("The image config is not a JSON object.");
        }

        var config = root.TryGetProperty("config", out var configElement) ? configElement : default;
        var envNames = JsonReading.Array(config, "Env")
            .Where(e => e.ValueKind == JsonValueKind.String)
            .Select(e => EnvName(e.GetString() ?? string.Empty))
            .Where(name => name.Length > 0)
            .ToList();
        var ports = config.ValueKind == JsonValueKind.Object
            && config.TryGetProperty("ExposedPorts", out var portsElement)
            && portsElement.ValueKind == JsonValueKind.Object
                ? portsElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList()
                : [];
        var history = JsonReading.Array(root, "history")
            .Where(e => e.ValueKind == JsonValueKind.Object)
            .Select(e => new HistoryEntry(
                ParseTime(JsonReading.OptionalString(e, "created")),
                JsonReading.OptionalString(e, "created_by"),
                JsonReading.OptionalString(e, "comment"),
                e.TryGetProperty("empty_layer", out var empty) && empty.ValueKind == JsonValueKind.True))
            .ToList();
        var rootfs = root.TryGetProperty("rootfs", out var rootfsElement) ? rootfsElement : default;
        var diffIds = JsonReading.Array(rootfs, "diff_ids")
            .Where(e => e.ValueKind == JsonValueKind.String)
            .Select(e => e.GetString() ?? string.Empty)
            .ToList();
        return new ImageConfigFacts(
            ParseTime(JsonReading.OptionalString(root, "created")),
            JsonReading.OptionalString(root, "os"),
            JsonReading.OptionalString(root, "architecture"),
            JsonReading.OptionalString(root, "variant"),
            JsonReading.OptionalString(config, "User"),
            envNames,
            JsonReading.StringMap(config, "Labels"),
            ReadHealthcheck(config),
            ports,
            history,
            diffIds);
    }

    private static string EnvName(string entry)
    {
        var equals = entry.IndexOf('=', StringComparison.Ordinal);
        return (equals >= 0 ? entry[..equals] : entry).Trim();
    }

    private static List<string>? ReadHealthcheck(JsonElement config)
    {
        if (config.ValueKind != JsonValueKind.Object
            || !config.TryGetProperty("Healthcheck", out var healthcheck)
            || healthcheck.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return JsonReading.Array(healthcheck, "Test")
            .Where(e => e.ValueKind == JsonValueKind.String)
            .Select(e => e.GetString() ?? string.Empty)
            .ToList();
    }

    private static DateTimeOffset? ParseTime(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUniversalTime()
            : null;
}
