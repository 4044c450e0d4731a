using System.Collections.Concurrent;

namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>
/// A layer built in memory. Reuse the same object (or build the same entries again) in several images and
/// they share one blob: same compression gives the same digest.
/// </summary>
public sealed class TestLayer : IImageLayer
{
    private readonly ConcurrentDictionary<LayerCompression, LayerBlob> blobs = new();
    private readonly byte[] tar;

    internal TestLayer(IReadOnlyList<LayerEntry> entries, byte[] tar)
    {
        Entries = entries;
        this.tar = tar;
        DiffId = ContentDigest.Of(tar);
    }

    /// <summary>The entries, in tar order, as the test wrote them.</summary>
    public IReadOnlyList<LayerEntry> Entries { get; }

    /// <summary>The uncompressed tar.</summary>
    public ReadOnlyMemory<byte> Tar => tar;

    /// <summary>The digest of the uncompressed tar (the config's rootfs.diff_ids entry).</summary>
    public string DiffId { get; }

    /// <summary>Bytes of the uncompressed tar, headers and padding included.</summary>
    public long TarSize => tar.Length;

    /// <summary>Sum of the regular file sizes.</summary>
    public long FileBytes => Entries.Sum(e => e.Size);

    /// <summary>Builds a layer from a description.</summary>
    public static TestLayer Create(Action<LayerBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new LayerBuilder();
        configure(builder);
        return builder.Build();
    }

    /// <summary>The blob for a compression, compressed once and cached.</summary>
    public LayerBlob Blob(LayerCompression compression)
    {
        return blobs.GetOrAdd(compression, c =>
        {
            var content = LayerCompressor.Compress(tar, c);
            return new LayerBlob(c, content, ContentDigest.Of(content));
        });
    }

    /// <inheritdoc />
    public async Task<PushedLayer> PushAsync(LayerPushContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var blob = Blob(context.Compression);
        await context.Blobs.EnsureBlobAsync(context.Repository, blob.Content, blob.Digest, cancellationToken);
        return new PushedLayer(
            blob.Digest,
            blob.Size,
            MediaTypes.Layer(context.Format, context.Compression),
            DiffId,
            TarSize,
            context.Compression);
    }
}
