using RegistryJanitor.Core.Model;

namespace RegistryJanitor.Registries.Layers;

/// <summary>Tells gzip, zstd and plain tar apart.</summary>
/// <remarks>
/// Magic bytes win over the media type: tools mislabel layers (an uncompressed tar sent as <c>tar.gzip</c>
/// is common with older Docker), while the magic cannot lie about how the bytes decode. The media type only
/// decides when the blob is too short to sniff.
/// </remarks>
public static class LayerCompressionDetector
{
    public static LayerCompression FromMediaType(string? mediaType) => mediaType switch
    {
        MediaTypes.OciLayerGzip or MediaTypes.DockerLayerGzip or MediaTypes.DockerForeignLayerGzip
            => LayerCompression.Gzip,
        MediaTypes.OciLayerZstd => LayerCompression.Zstd,
        _ when mediaType?.EndsWith("+gzip", StringComparison.Ordinal) == true => LayerCompression.Gzip,
        _ when mediaType?.EndsWith("+zstd", StringComparison.Ordinal) == true => LayerCompression.Zstd,
        _ => LayerCompression.None,
    };

    public static LayerCompression Detect(ReadOnlySpan<byte> head, string? mediaType)
    {
        if (head.Length >= 4 && head[0] == 0x28 && head[1] == 0xB5 && head[2] == 0x2F && head[3] == 0xFD)
        {
            return LayerCompression.Zstd;
        }

        if (head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            return LayerCompression.Gzip;
        }

        return head.Length >= 4 ? LayerCompression.None : FromMediaType(mediaType);
    }
}
