using RegistryJanitor.Storage.Analysis;

namespace RegistryJanitor.Analysis;

/// <summary>What a run has done so far; owned by the run's single flow.</summary>
internal sealed class RunState
{
    public RunState(string registry, long runId)
    {
        Registry = registry;
        RunId = runId;
    }

    public string Registry { get; }

    public long RunId { get; }

    public long PlannedBytes { get; set; }

    public long BytesRead { get; set; }

    public int LayersAnalysed { get; set; }

    public int LayersRejected { get; set; }

    public int LayersSkipped { get; set; }

    public int ImagesAnalysed { get; set; }

    public List<SkippedImage> SkippedImages { get; } = [];

    public AnalysisRunCounts ToCounts() => new(
        PlannedBytes, BytesRead, LayersAnalysed, LayersRejected, LayersSkipped, ImagesAnalysed, SkippedImages.Count);
}
