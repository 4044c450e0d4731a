namespace RegistryJanitor.Registries.Layers;

/// <summary>How a layer blob is compressed, see <see cref="LayerCompressionDetector"/>.</summary>
public enum LayerCompression
{
    None = 0,
    Gzip = 1,
    Zstd = 2,
}
