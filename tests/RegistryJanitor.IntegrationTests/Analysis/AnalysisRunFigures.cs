namespace RegistryJanitor.IntegrationTests.Analysis;

/// <summary>The figures of an <c>analysis_runs</c> row, budget included, in the table's column order.</summary>
internal sealed record AnalysisRunFigures(
    long Id, string Status, long BudgetBytes, long PlannedBytes, long BytesRead, int LayersAnalysed,
    int LayersRejected, int LayersSkipped, int ImagesAnalysed, int ImagesSkipped);
