namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>
/// Describes one image manifest fluently and pushes it: layers, compression, media type family, config,
/// platform, and the OCI extras (annotations, artifactType, subject). Defaults: gzip, OCI, linux/amd64.
/// </summary>
public sealed class ImageBuilder
{
    private readonly TestImageBuilder owner;
    private readonly List<(IImageLayer Layer, LayerCompression? Compression)> layers = [];
    private readonly ConfigBuilder config = new();
    private readonly Dictionary<string, string> annotations = new(StringComparer.Ordinal);
    private LayerCompression compression = LayerCompression.Gzip;
    private ImageFormat format = ImageFormat.Oci;
    private ImagePlatform platform = ImagePlatform.LinuxAmd64;
    private BlobLayer? rawConfig;
    private string? artifactType;
    private Descriptor? subject;

    internal ImageBuilder(TestImageBuilder owner, string repository)
    {
        this.owner = owner;
        Repository = repository;
    }

    /// <summary>The repository the image goes to.</summary>
    public string Repository { get; }

    /// <summary>Adds a layer built from a description, optionally with its own compression.</summary>
    public ImageBuilder Layer(Action<LayerBuilder> configure, LayerCompression? layerCompression = null)
    {
        return Layer(TestLayer.Create(configure), layerCompression);
    }

    /// <summary>
    /// Adds a layer object; reusing the same object in several images shares the blob. A compression given
    /// here overrides the image's compression for this layer only.
    /// </summary>
    public ImageBuilder Layer(IImageLayer layer, LayerCompression? layerCompression = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        layers.Add((layer, layerCompression));
        return this;
    }

    /// <summary>Adds several layer objects in order (a shared base, for example).</summary>
    public ImageBuilder Layers(IEnumerable<IImageLayer> layerObjects)
    {
        ArgumentNullException.ThrowIfNull(layerObjects);
        foreach (var layer in layerObjects)
        {
            Layer(layer);
        }

        return this;
    }

    /// <summary>The compression of every layer without its own (default gzip).</summary>
    public ImageBuilder Compression(LayerCompression value)
    {
        compression = value;
        return this;
    }

    /// <summary>OCI or Docker media types (default OCI).</summary>
    public ImageBuilder MediaTypes(ImageFormat value)
    {
        format = value;
        return this;
    }

    /// <summary>The platform written into the config (default linux/amd64).</summary>
    public ImageBuilder Platform(ImagePlatform value)
    {
        platform = value;
        return this;
    }

    /// <summary>The platform written into the config.</summary>
    public ImageBuilder Platform(string os, string architecture, string? variant = null)
    {
        return Platform(new ImagePlatform(os, architecture, variant));
    }

    /// <summary>Describes the runtime config (user, env, labels, health check, ports, history).</summary>
    public ImageBuilder Config(Action<ConfigBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(config);
        return this;
    }

    /// <summary>Uses the given bytes as the config blob, with the given media type.</summary>
    public ImageBuilder RawConfig(string mediaType, ReadOnlyMemory<byte> content)
    {
        rawConfig = new BlobLayer(content, mediaType);
        return this;
    }

    /// <summary>Uses the OCI empty descriptor (<c>{}</c>) as config, as OCI 1.1 artifacts do.</summary>
    public ImageBuilder EmptyConfig()
    {
        return RawConfig(Images.MediaTypes.OciEmpty, "{}"u8.ToArray());
    }

    /// <summary>A manifest annotation (OCI only).</summary>
    public ImageBuilder Annotation(string key, string value)
    {
        annotations[key] = value;
        return this;
    }

    /// <summary>The manifest artifactType (OCI 1.1 only).</summary>
    public ImageBuilder ArtifactType(string value)
    {
        artifactType = value;
        return this;
    }

    /// <summary>The manifest subject (OCI 1.1 only): this manifest refers to <paramref name="manifest"/>.</summary>
    public ImageBuilder Subject(IPushedManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        subject = manifest.Describe();
        return this;
    }

    internal ImagePlatform CurrentPlatform => platform;

    /// <summary>Pushes blobs then the manifest by tag.</summary>
    public Task<PushedImage> PushAsync(string tag, CancellationToken cancellationToken = default)
    {
        return PushAsync([tag], cancellationToken);
    }

    /// <summary>Pushes blobs then the manifest under each tag (the first PUT creates it).</summary>
    public Task<PushedImage> PushAsync(IReadOnlyList<string> tags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (tags.Count == 0)
        {
            throw new ArgumentException("Give at least one tag, or use PushByDigestAsync.", nameof(tags));
        }

        return PushCoreAsync(tags, cancellationToken);
    }

    /// <summary>Pushes blobs then the manifest by its digest only: it is present but untagged.</summary>
    public Task<PushedImage> PushByDigestAsync(CancellationToken cancellationToken = default)
    {
        return PushCoreAsync([], cancellationToken);
    }

    private async Task<PushedImage> PushCoreAsync(IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        var pushedLayers = new List<PushedLayer>(layers.Count);
        foreach (var (layer, layerCompression) in layers)
        {
            var context = new LayerPushContext(owner.Blobs, Repository, layerCompression ?? compression, format);
            pushedLayers.Add(await layer.PushAsync(context, cancellationToken));
        }

        var configBlob = rawConfig ?? new BlobLayer(
            config.Build(platform, [.. pushedLayers.Select(l => l.DiffId)]),
            Images.MediaTypes.Config(format));
        await owner.Blobs.EnsureBlobAsync(Repository, configBlob.Content, configBlob.Digest, cancellationToken);
        var configDescriptor = new Descriptor(configBlob.MediaType, configBlob.Digest, configBlob.Content.Length);

        var body = ManifestJson.Image(
            format,
            configDescriptor,
            pushedLayers.Select(l => l.Describe()),
            annotations,
            subject,
            artifactType);
        var mediaType = Images.MediaTypes.Manifest(format);
        var digest = await owner.PutManifestAsync(Repository, tags, mediaType, body, cancellationToken);

        return new PushedImage(
            Repository,
            tags.Count > 0 ? tags[0] : null,
            digest,
            body.Length,
            mediaType,
            body,
            new PushedBlob(configDescriptor.Digest, configDescriptor.Size, configDescriptor.MediaType),
            pushedLayers,
            platform,
            artifactType,
            subject?.Digest);
    }
}
