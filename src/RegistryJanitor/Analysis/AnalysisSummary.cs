using RegistryJanitor.Storage.Analysis;

namespace RegistryJanitor.Analysis;

/// <summary>The outcome of one analysis run of one registry.</summary>
public sealed record AnalysisSummary(
    string Registry, long RunId, string Status, long BudgetBytes, AnalysisRunCounts Counts, string? Error,
    TimeSpan Elapsed)
{
    public const string Succeeded = "succeeded";
    public const string Partial = "partial";
    public const string Failed = "failed";

    public override string ToString() =>
        $"{Registry}: analysis {Status} in {Elapsed.TotalSeconds:F1} s (run {RunId}): "
        + $"{Counts.LayersAnalysed} layers analysed, {Counts.LayersRejected} rejected, {Counts.LayersSkipped} skipped, "
        + $"{Counts.BytesRead} of {BudgetBytes} budget bytes read ({Counts.PlannedBytes} planned), "
        + $"{Counts.ImagesAnalysed} images analysed, {Counts.ImagesSkipped} skipped"
        + (Error is null ? string.Empty : Environment.NewLine + "error: " + Error);
}
