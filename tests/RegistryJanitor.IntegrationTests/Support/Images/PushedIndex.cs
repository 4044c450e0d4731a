namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>An index or manifest list the builder pushed, with its children.</summary>
/// <param name="Repository">Repository it was pushed to.</param>
/// <param name="Tag">Tag, or null when pushed by digest only.</param>
/// <param name="Digest">Digest of the index body.</param>
/// <param name="Size">Size of the index body.</param>
/// <param name="MediaType">Index media type.</param>
/// <param name="Body">Exact index bytes.</param>
/// <param name="Manifests">Every descriptor in <c>manifests[]</c>, in order.</param>
/// <param name="Images">The runnable platform images, in order.</param>
/// <param name="Attestations">Attestation manifests (platform unknown/unknown), in order.</param>
/// <param name="Nested">Child indexes.</param>
public sealed record PushedIndex(
    string Repository,
    string? Tag,
    string Digest,
    long Size,
    string MediaType,
    ReadOnlyMemory<byte> Body,
    IReadOnlyList<Descriptor> Manifests,
    IReadOnlyList<PushedImage> Images,
    IReadOnlyList<PushedImage> Attestations,
    IReadOnlyList<PushedIndex> Nested) : IPushedManifest
{
    /// <summary>Every image manifest below this index (platform images and attestations, nested too).</summary>
    public IEnumerable<PushedImage> AllImages =>
        Images.Concat(Attestations).Concat(Nested.SelectMany(n => n.AllImages));

    /// <summary>The union of the children's blobs, each once (what the product counts for an index).</summary>
    public IReadOnlyList<PushedBlob> DistinctBlobs =>
        [.. AllImages.SelectMany(i => i.Blobs).DistinctBy(b => b.Digest)];

    /// <summary>Image bytes of the index: the sizes of <see cref="DistinctBlobs"/>.</summary>
    public long ImageBytes => DistinctBlobs.Sum(b => b.Size);

    /// <inheritdoc />
    public Descriptor Describe(ImagePlatform? platform = null, IReadOnlyDictionary<string, string>? annotations = null)
    {
        return new Descriptor(MediaType, Digest, Size, platform, annotations);
    }
}
