namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>A layer as its manifest describes it, plus what the builder knows about its tar.</summary>
/// <param name="Digest">Digest of the compressed blob (the descriptor digest).</param>
/// <param name="Size">Size of the compressed blob (the descriptor size).</param>
/// <param name="MediaType">Descriptor media type.</param>
/// <param name="DiffId">Digest of the uncompressed tar (the config diff_id).</param>
/// <param name="UncompressedSize">Size of the uncompressed tar.</param>
/// <param name="Compression">How the blob is compressed.</param>
/// <param name="Annotations">Descriptor annotations (in-toto predicate type, cosign signature, ...).</param>
public sealed record PushedLayer(
    string Digest,
    long Size,
    string MediaType,
    string DiffId,
    long UncompressedSize,
    LayerCompression Compression,
    IReadOnlyDictionary<string, string>? Annotations = null)
{
    /// <summary>The descriptor the manifest carries for this layer.</summary>
    public Descriptor Describe()
    {
        return new Descriptor(MediaType, Digest, Size, Annotations: Annotations);
    }
}
