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
    private int downloadFailures;
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

    public int LayersAnalysed => Volatile.Read(ref layersAnalysed);

    public int LayersRejected => Volatile.Read(ref layersRejected);

    /// <summary>Layers whose download failed (counted as rejected too, but not stored).</summary>
    public int DownloadFailures => Volatile.Read(ref downloadFailures);

    public int ImagesAnalysed => Volatile.Read(ref imagesAnalysed);

    public List<SkippedImage> SkippedImages { get; } = [];

    public void AddBytesRead(long bytes) => Interlocked.Add(ref bytesRead, bytes);

    public void LayerAnalysed() => Interlocked.Increment(ref layersAnalysed);

    public void LayerRejected() => Interlocked.Increment(ref layersRejected);

    public void LayerDownloadFailed()
    {
        Interlocked.Increment(ref downloadFailures);
        Interlocked.Increment(ref layersRejected);
    }

    public void LayerSkipped() => Interlocked.Increment(ref layersSkipped);

    public void ImageAnalysed() => Interlocked.Increment(ref imagesAnalysed);

    public AnalysisRunCounts ToCounts() => new(
        PlannedBytes,
        BytesRead,
        LayersAnalysed,
        LayersRejected,
        Volatile.Read(ref layersSkipped),
        ImagesAnalysed,
        SkippedImages.Count);
}
