namespace RegistryJanitor.Storage.Analysis;

/// <summary>What one analysis run did, as stored in <c>analysis_runs</c>.</summary>
public sealed record AnalysisRunCounts(
    long PlannedBytes,
    long BytesRead,
    int LayersAnalysed,
    int LayersRejected,
    int LayersSkipped,
    int ImagesAnalysed,
    int ImagesSkipped);
