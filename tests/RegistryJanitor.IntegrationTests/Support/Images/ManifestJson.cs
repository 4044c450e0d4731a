using System.Text.Json;

namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>
/// Writes manifest and index bodies with a fixed property order, so the same content always has the same
/// manifest digest. Docker types carry no annotations, artifactType or subject: asking for them throws.
/// </summary>
public static class ManifestJson
{
    /// <summary>An image manifest (OCI or Docker schema 2).</summary>
    public static byte[] Image(
        ImageFormat format,
        Descriptor config,
        IEnumerable<Descriptor> layers,
        IReadOnlyDictionary<string, string>? annotations = null,
        Descriptor? subject = null,
        string? artifactType = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(layers);
        RejectOciOnlyFields(format, annotations, subject, artifactType);

        return Write(json =>
        {
            json.WriteNumber("schemaVersion", 2);
            json.WriteString("mediaType", MediaTypes.Manifest(format));
            if (artifactType is not null)
            {
                json.WriteString("artifactType", artifactType);
            }

            json.WritePropertyName("config");
            WriteDescriptor(json, config);
            json.WriteStartArray("layers");
            foreach (var layer in layers)
            {
                WriteDescriptor(json, layer);
            }

            json.WriteEndArray();
            WriteTail(json, subject, annotations);
        });
    }

    /// <summary>An index (OCI) or manifest list (Docker).</summary>
    public static byte[] Index(
        ImageFormat format,
        IEnumerable<Descriptor> manifests,
        IReadOnlyDictionary<string, string>? annotations = null,
        Descriptor? subject = null,
        string? artifactType = null)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        RejectOciOnlyFields(format, annotations, subject, artifactType);

        return Write(json =>
        {
            json.WriteNumber("schemaVersion", 2);
            json.WriteString("mediaType", MediaTypes.Index(format));
            if (artifactType is not null)
            {
                json.WriteString("artifactType", artifactType);
            }

            json.WriteStartArray("manifests");
            foreach (var manifest in manifests)
            {
                WriteDescriptor(json, manifest);
            }

            json.WriteEndArray();
            WriteTail(json, subject, annotations);
        });
    }

    /// <summary>Writes one descriptor object.</summary>
    public static void WriteDescriptor(Utf8JsonWriter json, Descriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(descriptor);
        json.WriteStartObject();
        json.WriteString("mediaType", descriptor.MediaType);
        json.WriteString("digest", descriptor.Digest);
        json.WriteNumber("size", descriptor.Size);
        if (descriptor.ArtifactType is not null)
        {
            json.WriteString("artifactType", descriptor.ArtifactType);
        }

        WriteAnnotations(json, descriptor.Annotations);
        if (descriptor.Platform is { } platform)
        {
            json.WriteStartObject("platform");
            json.WriteString("architecture", platform.Architecture);
            json.WriteString("os", platform.Os);
            if (platform.OsVersion is not null)
            {
                json.WriteString("os.version", platform.OsVersion);
            }

            if (platform.Variant is not null)
            {
                json.WriteString("variant", platform.Variant);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteTail(
        Utf8JsonWriter json,
        Descriptor? subject,
        IReadOnlyDictionary<string, string>? annotations)
    {
        if (subject is not null)
        {
            json.WritePropertyName("subject");
            WriteDescriptor(json, subject);
        }

        WriteAnnotations(json, annotations);
    }

    private static void WriteAnnotations(Utf8JsonWriter json, IReadOnlyDictionary<string, string>? annotations)
    {
        if (annotations is null || annotations.Count == 0)
        {
            return;
        }

        json.WriteStartObject("annotations");
        foreach (var (key, value) in annotations.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }

    private static void RejectOciOnlyFields(
        ImageFormat format,
        IReadOnlyDictionary<string, string>? annotations,
        Descriptor? subject,
        string? artifactType)
    {
        if (format == ImageFormat.Docker && (annotations?.Count > 0 || subject is not null || artifactType is not null))
        {
            throw new InvalidOperationException("Docker manifests carry no annotations, subject or artifactType.");
        }
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var output = new MemoryStream();
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        return output.ToArray();
    }
}
