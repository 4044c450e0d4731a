using System.Text.Json;

namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>
/// BuildKit registry caches (<c>--cache-to type=registry</c>) in both forms: the image-manifest form (config
/// media type <c>application/vnd.buildkit.cacheconfig.v0</c>) and the older index form whose
/// <c>manifests[]</c> are the layer blob descriptors plus one cache-config descriptor.
/// </summary>
public sealed class BuildCacheArtifacts
{
    private readonly TestImageBuilder owner;

    internal BuildCacheArtifacts(TestImageBuilder owner)
    {
        this.owner = owner;
    }

    /// <summary>The image-manifest form: an OCI manifest with gzip layers and a cache-config config blob.</summary>
    public async Task<PushedImage> PushImageManifestFormAsync(
        string repository,
        string tag,
        IReadOnlyList<TestLayer> layers,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var builder = owner.Image(repository)
            .MediaTypes(ImageFormat.Oci)
            .Platform(ImagePlatform.Unknown)
            .RawConfig(MediaTypes.BuildKitCacheConfig, CacheConfig(layers));
        foreach (var layer in layers)
        {
            builder.Layer(layer, LayerCompression.Gzip);
        }

        return await builder.PushAsync(tag, cancellationToken);
    }

    /// <summary>
    /// The index form: uploads the layer blobs and the cache config, then an OCI index listing them as
    /// descriptors. These entries are blobs, not manifests.
    /// </summary>
    public async Task<PushedIndex> PushIndexFormAsync(
        string repository,
        string tag,
        IReadOnlyList<TestLayer> layers,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var index = owner.Index(repository).MediaTypes(ImageFormat.Oci);
        foreach (var layer in layers)
        {
            var blob = layer.Blob(LayerCompression.Gzip);
            await owner.Blobs.EnsureBlobAsync(repository, blob.Content, blob.Digest, cancellationToken);
            index.Entry(new Descriptor(
                MediaTypes.OciLayerGzip,
                blob.Digest,
                blob.Size,
                Annotations: new Dictionary<string, string> { ["buildkit/createdat"] = "2020-01-01T00:00:00Z" }));
        }

        var config = CacheConfig(layers);
        var configDigest = ContentDigest.Of(config);
        await owner.Blobs.EnsureBlobAsync(repository, config, configDigest, cancellationToken);
        index.Entry(new Descriptor(MediaTypes.BuildKitCacheConfig, configDigest, config.Length));
        return await index.PushAsync(tag, cancellationToken);
    }

    /// <summary>A cache config in BuildKit's shape: a chain of layers and one record per layer.</summary>
    public static byte[] CacheConfig(IReadOnlyList<TestLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        using var output = new MemoryStream();
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteStartArray("layers");
            for (var i = 0; i < layers.Count; i++)
            {
                json.WriteStartObject();
                json.WriteString("blob", layers[i].Blob(LayerCompression.Gzip).Digest);
                json.WriteNumber("parent", i - 1);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("records");
            for (var i = 0; i < layers.Count; i++)
            {
                json.WriteStartObject();
                json.WriteString("digest", ContentDigest.Of(System.Text.Encoding.UTF8.GetBytes($"record {i}")));
                json.WriteStartArray("results");
                json.WriteStartObject();
                json.WriteNumber("layer", i);
                json.WriteString("createdAt", "2020-01-01T00:00:00Z");
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return output.ToArray();
    }
}
