using System.IO.Compression;
using ZstdSharp;

namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>Compresses layer tars. Fixed levels keep output, and so digests, stable across runs.</summary>
public static class LayerCompressor
{
    /// <summary>The zstd level used for every zstd layer.</summary>
    public const int ZstdLevel = 3;

    /// <summary>Compresses a whole tar held in memory.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> tar, LayerCompression compression)
    {
        using var output = new MemoryStream();
        using (var compressor = Wrap(output, compression, leaveOpen: true))
        {
            compressor.Write(tar);
        }

        return output.ToArray();
    }

    /// <summary>
    /// A write stream that compresses into <paramref name="destination"/>; disposing it finishes the frame.
    /// </summary>
    public static Stream Wrap(Stream destination, LayerCompression compression, bool leaveOpen)
    {
        return compression switch
        {
            LayerCompression.Gzip => new GZipStream(destination, CompressionLevel.Optimal, leaveOpen),
            LayerCompression.Zstd => new CompressionStream(destination, ZstdLevel, leaveOpen: leaveOpen),
            _ => new PassThroughWriteStream(destination, leaveOpen),
        };
    }

    /// <summary>A read stream that decompresses <paramref name="source"/>.</summary>
    public static Stream Decompress(Stream source, LayerCompression compression)
    {
        return compression switch
        {
            LayerCompression.Gzip => new GZipStream(source, CompressionMode.Decompress),
            LayerCompression.Zstd => new DecompressionStream(source),
            _ => source,
        };
    }
}
