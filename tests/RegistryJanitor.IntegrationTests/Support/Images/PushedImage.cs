namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>An image manifest (or artifact manifest) the builder pushed, with everything it references.</summary>
public sealed record PushedImage(
    string Repository,
    string? Tag,
    string Digest,
    long Size,
    string MediaType,
    ReadOnlyMemory<byte> Body,
    PushedBlob Config,
    IReadOnlyList<PushedLayer> Layers,
    ImagePlatform Platform,
    string? ArtifactType = null,
    string? SubjectDigest = null) : IPushedManifest
{
    /// <summary>Image bytes as the product defines them: config size plus the sum of layer sizes.</summary>
    public long ImageBytes => Config.Size + Layers.Sum(l => l.Size);

    /// <summary>The config and layer blobs (digest and size), config first.</summary>
    public IEnumerable<PushedBlob> Blobs =>
        Layers.Select(l => new PushedBlob(l.Digest, l.Size, l.MediaType)).Prepend(Config);

    /// <inheritdoc />
    public Descriptor Describe(ImagePlatform? platform = null, IReadOnlyDictionary<string, string>? annotations = null)
    {
        return new Descriptor(MediaType, Digest, Size, platform, annotations, ArtifactType);
    }
}
