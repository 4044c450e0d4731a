using System.ComponentModel.DataAnnotations;

namespace RegistryJanitor.Analysis;

/// <summary>Layer analysis run settings (section <c>Analysis</c>).</summary>
public sealed class AnalysisOptions
{
    public const string SectionName = "Analysis";

    /// <summary>
    /// Compressed layer bytes one run may download per registry, unless the registry sets
    /// <c>Registries:N:Analysis:MaxBytes</c>. Default 20 GiB.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long MaxBytes { get; set; } = 20L * 1024 * 1024 * 1024;

    /// <summary>
    /// Most layer blobs one run reads at once, each streamed on a thread of its own. Default: the number of
    /// processors. A registry's <c>MaxConcurrency</c> caps it further.
    /// </summary>
    [Range(1, 256)]
    public int MaxParallelLayers { get; set; } = Environment.ProcessorCount;

    /// <summary>Interval between progress lines of a running analysis. Default 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(5);
}
