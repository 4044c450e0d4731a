namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>
/// A layer pushed as the exact bytes given, with the media type given: in-toto statements, signatures,
/// SBOM documents, Helm chart archives, and deliberately broken blobs (corrupt gzip, a bomb).
/// </summary>
/// <param name="Content">The blob bytes.</param>
/// <param name="MediaType">The descriptor media type, whatever the image format.</param>
/// <param name="DiffId">The config diff_id to state; the blob digest when null.</param>
/// <param name="Annotations">Descriptor annotations.</param>
public sealed record BlobLayer(
    ReadOnlyMemory<byte> Content,
    string MediaType,
    string? DiffId = null,
    IReadOnlyDictionary<string, string>? Annotations = null) : IImageLayer
{
    /// <summary>sha256 of the content.</summary>
    public string Digest { get; } = ContentDigest.Of(Content.Span);

    /// <inheritdoc />
    public async Task<PushedLayer> PushAsync(LayerPushContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.Blobs.EnsureBlobAsync(context.Repository, Content, Digest, cancellationToken);
        return new PushedLayer(
            Digest,
            Content.Length,
            MediaType,
            DiffId ?? Digest,
            Content.Length,
            LayerCompression.None,
            Annotations);
    }
}
