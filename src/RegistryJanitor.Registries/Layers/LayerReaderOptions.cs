using System.ComponentModel.DataAnnotations;

namespace RegistryJanitor.Registries.Layers;

/// <summary>Caps that keep a hostile or broken layer blob from costing unbounded time or memory.</summary>
public sealed class LayerReaderOptions
{
    public const string SectionName = "LayerAnalysis:Reader";

    /// <summary>
    /// Largest ratio of uncompressed to compressed bytes before the blob is called a bomb. Default 200.
    /// Checked only past <see cref="RatioCheckFloorBytes"/>, so small, very compressible layers pass.
    /// </summary>
    [Range(10, 100_000)]
    public int MaxCompressionRatio { get; set; } = 200;

    /// <summary>Uncompressed bytes below which the ratio is not checked. Default 64 MiB.</summary>
    [Range(0, long.MaxValue)]
    public long RatioCheckFloorBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Most tar entries per layer. Default 500,000 (large node_modules layers hold about 200,000).</summary>
    [Range(1, 50_000_000)]
    public int MaxEntries { get; set; } = 500_000;

    /// <summary>Longest entry name, in characters. Default 4,096 (Linux PATH_MAX).</summary>
    [Range(100, 1_000_000)]
    public int MaxPathLength { get; set; } = 4096;

    /// <summary>Most uncompressed bytes per layer. Default 64 GiB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUncompressedBytes { get; set; } = 64L * 1024 * 1024 * 1024;

    /// <summary>Longest time reading one layer may take. Default 30 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromMinutes(30);
}
