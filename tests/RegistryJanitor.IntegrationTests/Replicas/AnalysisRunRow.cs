using RegistryJanitor.Storage.Analysis;

namespace RegistryJanitor.IntegrationTests.Replicas;

/// <summary>An <c>analysis_runs</c> row.</summary>
internal sealed record AnalysisRunRow(
    long Id, string Status, long PlannedBytes, long BytesRead, int LayersAnalysed, int LayersRejected,
    int LayersSkipped, int ImagesAnalysed, int ImagesSkipped)
{
    public AnalysisRunCounts Counts =>
        new(PlannedBytes, BytesRead, LayersAnalysed, LayersRejected, LayersSkipped, ImagesAnalysed, ImagesSkipped);
}
