using System.ComponentModel.DataAnnotations;

namespace RegistryJanitor.Core.Ranking;

/// <summary>Thresholds and reference sizes of the ranking rules (configuration section <c>Ranking</c>).</summary>
/// <remarks>
/// The reference sizes are compressed sizes of commonly used target bases, rounded; they are estimates the
/// savings name as assumptions, and every one can be overridden to match the bases a team actually uses.
/// </remarks>
public sealed class RankingOptions
{
    public const string SectionName = "Ranking";

    private const long MiB = 1L << 20;

    /// <summary>
    /// Tags per month from which a repository counts as high-frequency: a weekly release is. Default 4 (tags/month).
    /// </summary>
    [Range(0.0, 10_000.0)]
    public decimal HighFrequencyTagsPerMonth { get; set; } = 4m;

    /// <summary>Image bytes from which a rarely pushed image counts as a monolith. Default 524288000 (bytes).</summary>
    [Range(0L, long.MaxValue)]
    public long MonolithImageBytes { get; set; } = 500 * MiB;

    /// <summary>Site-packages bytes that make a Python image data-heavy. Default 314572800 (bytes).</summary>
    [Range(0L, long.MaxValue)]
    public long DataHeavySitePackagesBytes { get; set; } = 300 * MiB;

    /// <summary>Dead-weight bytes up to which an image is lean. Default 10485760 (bytes).</summary>
    [Range(0L, long.MaxValue)]
    public long LeanRemovableBytes { get; set; } = 10 * MiB;

    /// <summary>Hidden bytes from which the hidden-bytes finding is raised. Default 1048576 (bytes).</summary>
    [Range(0L, long.MaxValue)]
    public long HiddenBytesThreshold { get; set; } = MiB;

    /// <summary>Smallest single layer that can make an image "squashed". Default 52428800 (bytes).</summary>
    [Range(0L, long.MaxValue)]
    public long SquashedMinLayerBytes { get; set; } = 50 * MiB;

    /// <summary>Share of image bytes one layer must hold to look squashed. Default 0.9 (fraction).</summary>
    [Range(0.0, 1.0)]
    public double SquashedLayerShare { get; set; } = 0.9;

    /// <summary>Reference size of a distroless Node.js runtime. Default 47185920 (bytes, compressed).</summary>
    [Range(0L, long.MaxValue)]
    public long DistrolessNodeBytes { get; set; } = 45 * MiB;

    /// <summary>Reference size of distroless static (Go, static). Default 2097152 (bytes, compressed).</summary>
    [Range(0L, long.MaxValue)]
    public long DistrolessStaticBytes { get; set; } = 2 * MiB;

    /// <summary>Reference size of a distroless Java runtime. Default 94371840 (bytes, compressed).</summary>
    [Range(0L, long.MaxValue)]
    public long DistrolessJavaBytes { get; set; } = 90 * MiB;

    /// <summary>Reference size of a chiseled ASP.NET runtime. Default 52428800 (bytes, compressed).</summary>
    [Range(0L, long.MaxValue)]
    public long ChiseledDotNetBytes { get; set; } = 50 * MiB;

    /// <summary>Reference size of python slim. Default 47185920 (bytes, compressed).</summary>
    [Range(0L, long.MaxValue)]
    public long PythonSlimBytes { get; set; } = 45 * MiB;

    /// <summary>Reference size of alpine. Default 3670016 (bytes, compressed).</summary>
    [Range(0L, long.MaxValue)]
    public long AlpineBytes { get; set; } = (35 * MiB) / 10;

    /// <summary>Reference size of distroless base (glibc). Default 20971520 (bytes, compressed).</summary>
    [Range(0L, long.MaxValue)]
    public long DistrolessBaseBytes { get; set; } = 20 * MiB;
}
