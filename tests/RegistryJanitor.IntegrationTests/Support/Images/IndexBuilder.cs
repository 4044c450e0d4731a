namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>
/// Describes an image index (OCI) or manifest list (Docker) and pushes it with its children. Entries are
/// written in this order: platform images, attestation manifests, nested indexes, raw descriptors.
/// </summary>
public sealed class IndexBuilder
{
    private readonly TestImageBuilder owner;
    private readonly List<ImageBuilder> images = [];
    private readonly List<(PushedIndex Index, ImagePlatform? Platform)> nested = [];
    private readonly List<Descriptor> rawEntries = [];
    private readonly Dictionary<string, string> annotations = new(StringComparer.Ordinal);
    private ImageFormat format = ImageFormat.Oci;
    private LayerCompression compression = LayerCompression.Gzip;
    private AttestationStyle? attestations;
    private string? artifactType;
    private Descriptor? subject;

    internal IndexBuilder(TestImageBuilder owner, string repository)
    {
        this.owner = owner;
        Repository = repository;
    }

    /// <summary>The repository the index and its children go to.</summary>
    public string Repository { get; }

    /// <summary>OCI index or Docker manifest list; children use the same family unless they say otherwise.</summary>
    public IndexBuilder MediaTypes(ImageFormat value)
    {
        format = value;
        return this;
    }

    /// <summary>Default compression of the children's layers.</summary>
    public IndexBuilder Compression(LayerCompression value)
    {
        compression = value;
        return this;
    }

    /// <summary>Adds a platform image, described like any image (its platform preset).</summary>
    public IndexBuilder Image(ImagePlatform platform, Action<ImageBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var image = owner.Image(Repository).MediaTypes(format).Compression(compression).Platform(platform);
        configure(image);
        images.Add(image);
        return this;
    }

    /// <summary>Adds a BuildKit attestation manifest (SBOM + provenance) for every platform image.</summary>
    public IndexBuilder WithAttestations(AttestationStyle style = AttestationStyle.ImageConfig)
    {
        attestations = style;
        return this;
    }

    /// <summary>Adds an already pushed index as a child.</summary>
    public IndexBuilder Nested(PushedIndex index, ImagePlatform? platform = null)
    {
        nested.Add((index, platform));
        return this;
    }

    /// <summary>Adds a descriptor exactly as given (layer descriptors of a build cache, for example).</summary>
    public IndexBuilder Entry(Descriptor descriptor)
    {
        rawEntries.Add(descriptor);
        return this;
    }

    /// <summary>An index annotation (OCI only).</summary>
    public IndexBuilder Annotation(string key, string value)
    {
        annotations[key] = value;
        return this;
    }

    /// <summary>The index artifactType (OCI 1.1 only).</summary>
    public IndexBuilder ArtifactType(string value)
    {
        artifactType = value;
        return this;
    }

    /// <summary>The index subject (OCI 1.1 only).</summary>
    public IndexBuilder Subject(IPushedManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        subject = manifest.Describe();
        return this;
    }

    /// <summary>Pushes the children by digest, then the index by tag.</summary>
    public Task<PushedIndex> PushAsync(string tag, CancellationToken cancellationToken = default)
    {
        return PushCoreAsync([tag], cancellationToken);
    }

    /// <summary>Pushes the children and the index by digest only.</summary>
    public Task<PushedIndex> PushByDigestAsync(CancellationToken cancellationToken = default)
    {
        return PushCoreAsync([], cancellationToken);
    }

    private async Task<PushedIndex> PushCoreAsync(IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        if (attestations is not null && format == ImageFormat.Docker)
        {
            throw new InvalidOperationException("Attestations need annotations: use an OCI index.");
        }

        var descriptors = new List<Descriptor>();
        var pushedImages = new List<PushedImage>();
        foreach (var image in images)
        {
            var pushed = await image.PushByDigestAsync(cancellationToken);
            pushedImages.Add(pushed);
            descriptors.Add(pushed.Describe(pushed.Platform));
        }

        var pushedAttestations = new List<PushedImage>();
        if (attestations is { } style)
        {
            foreach (var image in pushedImages)
            {
                var attestation = await AttestationManifests.PushAsync(owner, image, style, cancellationToken);
                pushedAttestations.Add(attestation);
                descriptors.Add(AttestationManifests.Describe(attestation, image.Digest));
            }
        }

        descriptors.AddRange(nested.Select(n => n.Index.Describe(n.Platform)));
        descriptors.AddRange(rawEntries);

        var body = ManifestJson.Index(format, descriptors, annotations, subject, artifactType);
        var mediaType = Images.MediaTypes.Index(format);
        var digest = await owner.PutManifestAsync(Repository, tags, mediaType, body, cancellationToken);
        return new PushedIndex(
            Repository,
            tags.Count > 0 ? tags[0] : null,
            digest,
            body.Length,
            mediaType,
            body,
            descriptors,
            pushedImages,
            pushedAttestations,
            [.. nested.Select(n => n.Index)]);
    }
}
