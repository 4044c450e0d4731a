using RegistryJanitor.Storage.Analysis;

namespace RegistryJanitor.Analysis;

/// <summary>
/// What a run has done so far. Layer counters are updated by the concurrent layer reads, hence interlocked;
/// the skipped images are only added by the run's sequential image step.
/// </summary>
internal sealed class RunState
{
    private long bytesRead;
    private int layersAnalysed;
    private int layersRejected;
    private int layersSkipped;
    private int imagesAnalysed;

    public RunState(string registry, long runId)
    {
        Registry = registry;
        RunId = runId;
    }

    public string Registry { get; }

    public long RunId { get; }

    public long PlannedBytes { get; set; }

    public long BytesRead => Interlocked.Read(ref bytesRead);

    public int LayersRejected => Volatile.Read(ref layersRejected);

    public List<SkippedImage> SkippedImages { get; } = [];

    public void AddBytesRead(long bytes) => Interlocked.Add(ref bytesRead, bytes);

    public void LayerAnalysed() => Interlocked.Increment(ref layersAnalysed);

    public void LayerRejected() => Interlocked.Increment(ref layersRejected);

    public void LayerSkipped() => Interlocked.Increment(ref layersSkipped);

    public void ImageAnalysed() => Interlocked.Increment(ref imagesAnalysed);

    public AnalysisRunCounts ToCounts() => new(
        PlannedBytes,
        BytesRead,
        Volatile.Read(ref layersAnalysed),
        LayersRejected,
        Volatile.Read(ref layersSkipped),
        Volatile.Read(ref imagesAnalysed),
        SkippedImages.Count);
}
