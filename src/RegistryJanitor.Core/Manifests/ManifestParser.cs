using System.Text.Json;
using RegistryJanitor.Core.Model;

namespace RegistryJanitor.Core.Manifests;

/// <summary>Parses manifest and index bodies served by a registry. Pure: bytes in, model out.</summary>
public static class ManifestParser
{
    /// <summary>Parses <paramref name="body"/> served with <paramref name="contentType"/>.</summary>
    /// <param name="body">The exact bytes the registry returned (already digest-verified).</param>
    /// <param name="contentType">The Content-Type header, parameters allowed; may be null.</param>
    /// <exception cref="ManifestFormatException">The body is not a valid manifest or index.</exception>
    public static ManifestDocument Parse(ReadOnlyMemory<byte> body, string? contentType)
    {
        try
        {
            using var document = JsonDocument.Parse(body, JsonReading.DocumentOptions);
            return Parse(document.RootElement, NormalizeMediaType(contentType));
        }
        catch (JsonException exception)
        {
            throw new ManifestFormatException("The manifest is not valid JSON.", exception);
        }
    }

    /// <summary>Drops parameters and whitespace from a Content-Type value.</summary>
    public static string? NormalizeMediaType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var bare = semicolon >= 0 ? contentType[..semicolon] : contentType;
        return bare.Trim().ToLowerInvariant();
    }

    private static ManifestDocument Parse(JsonElement root, string? contentType)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ManifestFormatException("The manifest is not a JSON object.");
        }

        var bodyType = JsonReading.OptionalString(root, "mediaType");
        if (bodyType is not null && contentType is not null && !IsGenericJson(contentType)
            && !string.Equals(bodyType, contentType, StringComparison.Ordinal))
        {
            throw new ManifestFormatException(
                $"The body mediaType '{Short(bodyType)}' disagrees with Content-Type '{Short(contentType)}'.");
        }

        var mediaType = bodyType ?? (contentType is not null && !IsGenericJson(contentType) ? contentType : null)
            ?? GuessMediaType(root);
        if (MediaTypes.IsSchema1(mediaType))
        {
            throw new ManifestFormatException("Docker schema 1 manifests are not supported.");
        }

        var annotations = JsonReading.StringMap(root, "annotations");
        var artifactType = JsonReading.OptionalString(root, "artifactType");
        var subject = root.TryGetProperty("subject", out var subjectElement) ? ReadDescriptor(subjectElement) : null;
        if (MediaTypes.IsIndex(mediaType))
        {
            var entries = JsonReading.Array(root, "manifests").Select(ReadDescriptor).ToList();
            return new ManifestDocument(mediaType, artifactType, null, [], entries, subject, annotations);
        }

        if (!MediaTypes.IsImageManifest(mediaType))
        {
            throw new ManifestFormatException($"Unsupported manifest media type '{Short(mediaType)}'.");
        }

        if (!root.TryGetProperty("config", out var configElement))
        {
            throw new ManifestFormatException("The image manifest has no config descriptor.");
        }

        var config = ReadDescriptor(configElement);
        var layers = JsonReading.Array(root, "layers").Select(ReadDescriptor).ToList();
        return new ManifestDocument(mediaType, artifactType, config, layers, [], subject, annotations);
    }

    /// <summary>Reads one descriptor, rejecting a bad digest or size.</summary>
    public static Descriptor ReadDescriptor(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ManifestFormatException("A descriptor is not a JSON object.");
        }

        var mediaType = JsonReading.OptionalString(element, "mediaType") ?? string.Empty;
        if (!Digest.TryParse(JsonReading.OptionalString(element, "digest"), out var digest))
        {
            throw new ManifestFormatException("A descriptor has a missing or invalid digest.");
        }

        if (!element.TryGetProperty("size", out var sizeElement)
            || !sizeElement.TryGetInt64(out var size) || size < 0)
        {
            throw new ManifestFormatException($"Descriptor {digest} has a missing or invalid size.");
        }

        var platform = element.TryGetProperty("platform", out var platformElement)
            && platformElement.ValueKind == JsonValueKind.Object
                ? new Platform(
                    JsonReading.OptionalString(platformElement, "os") ?? string.Empty,
                    JsonReading.OptionalString(platformElement, "architecture") ?? string.Empty,
                    JsonReading.OptionalString(platformElement, "variant"),
                    JsonReading.OptionalString(platformElement, "os.version"))
                : null;
        var hasUrls = element.TryGetProperty("urls", out var urls)
            && urls.ValueKind == JsonValueKind.Array && urls.GetArrayLength() > 0;
        return new Descriptor(
            mediaType,
            digest,
            size,
            JsonReading.OptionalString(element, "artifactType"),
            platform,
            JsonReading.StringMap(element, "annotations"),
            hasUrls);
    }

    private static bool IsGenericJson(string contentType) =>
        contentType is "application/json" or "text/plain" or "application/octet-stream";

    private static string GuessMediaType(JsonElement root)
    {
        if (root.TryGetProperty("schemaVersion", out var version) && version.TryGetInt32(out var number)
            && number == 1)
        {
            return MediaTypes.DockerSchema1;
        }

        return root.TryGetProperty("manifests", out _) ? MediaTypes.OciIndex : MediaTypes.OciManifest;
    }

    private static string Short(string value) => value.Length <= 100 ? value : value[..100] + "…";
}
