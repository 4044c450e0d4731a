namespace RegistryJanitor.Analysis;

/// <summary>Counters of a running analysis, read by the progress timer while the run updates them.</summary>
public sealed class AnalysisProgress
{
    private long bytesRead;
    private int layersDone;
    private int imagesDone;

    public AnalysisProgress(string registry, int layersPlanned)
    {
        Registry = registry;
        LayersPlanned = layersPlanned;
    }

    public string Registry { get; }

    public int LayersPlanned { get; }

    public long BytesRead => Interlocked.Read(ref bytesRead);

    public int LayersDone => Volatile.Read(ref layersDone);

    public int ImagesDone => Volatile.Read(ref imagesDone);

    public void LayerDone(long bytes)
    {
        Interlocked.Add(ref bytesRead, bytes);
        Interlocked.Increment(ref layersDone);
    }

    public void ImageDone() => Interlocked.Increment(ref imagesDone);

    public override string ToString() =>
        $"{Registry}: {LayersDone}/{LayersPlanned} layers, {BytesRead} bytes read, {ImagesDone} images analysed";
}
