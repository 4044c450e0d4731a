using System.Formats.Tar;

namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>
/// Deliberately broken or dangerous layer blobs for the analyzer's safety tests. Each is pushed like any
/// layer (the registry stores whatever bytes match their digest); the breakage only shows when the layer
/// is decompressed or read as a tar. The diff_id each states is a placeholder: the real one cannot exist.
/// </summary>
public static class HostileBlobs
{
    /// <summary>
    /// A gzip layer whose tar holds one file of <paramref name="uncompressedBytes"/> zeros: a small blob that
    /// inflates to an absurd size (about 1000:1).
    /// </summary>
    public static BlobLayer GzipBomb(long uncompressedBytes)
    {
        using var tar = new MemoryStream();
        using (var gzip = LayerCompressor.Wrap(tar, LayerCompression.Gzip, leaveOpen: true))
        using (var writer = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = TarLayerWriter.Create(TarEntryFormat.Pax, TarEntryType.RegularFile, "zeros.bin");
            using var zeros = new ZeroStream(uncompressedBytes);
            entry.DataStream = zeros;
            writer.WriteEntry(entry);
        }

        return Gzip(tar.ToArray());
    }

    /// <summary>A valid gzip layer with bytes in the middle of the deflate stream flipped.</summary>
    public static BlobLayer CorruptGzip(TestLayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var bytes = layer.Blob(LayerCompression.Gzip).Content.ToArray();
        for (var i = bytes.Length / 3; i < bytes.Length / 3 + 16 && i < bytes.Length - 8; i++)
        {
            bytes[i] ^= 0x5A;
        }

        return Gzip(bytes);
    }

    /// <summary>A gzip layer cut off after <paramref name="keepFraction"/> of its bytes.</summary>
    public static BlobLayer TruncatedGzip(TestLayer layer, double keepFraction = 0.5)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var bytes = layer.Blob(LayerCompression.Gzip).Content;
        return Gzip(bytes[..(int)(bytes.Length * keepFraction)].ToArray());
    }

    /// <summary>Bytes that are not gzip at all, declared as a gzip layer.</summary>
    public static BlobLayer NotGzip()
    {
        return Gzip("this is not a gzip stream"u8.ToArray());
    }

    private static BlobLayer Gzip(byte[] content)
    {
        return new BlobLayer(content, MediaTypes.OciLayerGzip, ContentDigest.Of("placeholder diff_id"u8));
    }
}
