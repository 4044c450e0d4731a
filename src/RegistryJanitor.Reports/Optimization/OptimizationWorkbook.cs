using RegistryJanitor.Reports.Model;
using RegistryJanitor.Reports.Xlsx;

namespace RegistryJanitor.Reports.Optimization;

/// <summary>Writes registry-optimization-YYYY-MM.xlsx (platform teams) into a stream.</summary>
internal static class OptimizationWorkbook
{
    public const string Summary = "Summary";
    public const string Ranked = "Ranked";
    public const string Findings = "Findings";
    public const string DecisionMatrix = "Decision matrix";
    public const string Retention = "Retention";
    public const string Fixes = "Fixes";
    public const string Progress = "Progress";

    public static IReadOnlyDictionary<string, int> Write(Stream stream, OptimizationReportData data,
        CancellationToken cancellationToken)
    {
        using var workbook = new WorkbookBuilder(stream, data.Currency);
        var summary = workbook.AddSheet(Summary);
        var ranked = workbook.AddSheet(Ranked);
        var findings = workbook.AddSheet(Findings);
        var matrix = workbook.AddSheet(DecisionMatrix);
        var retention = workbook.AddSheet(Retention);
        var fixes = workbook.AddSheet(Fixes);
        var progress = workbook.AddSheet(Progress);

        var tables = new OptimizationTables(
            TableSheet.Write(workbook, ranked, "Ranked", OptimizationColumns.Ranked(), data.Ranked, cancellationToken),
            TableSheet.Write(
                workbook, findings, "Findings", OptimizationColumns.Findings(), data.Findings, cancellationToken),
            TableSheet.Write(
                workbook, matrix, "DecisionMatrix", OptimizationColumns.DecisionMatrix(), data.DecisionMatrix,
                cancellationToken),
            TableSheet.Write(
                workbook, retention, "Retention", OptimizationColumns.Retention(), data.Retention, cancellationToken),
            TableSheet.Write(workbook, fixes, "Fixes", OptimizationColumns.Fixes(), data.Fixes, cancellationToken),
            TableSheet.Write(
                workbook, progress, "Progress", OptimizationColumns.Progress(), data.Progress, cancellationToken));
        OptimizationSummarySheet.Write(workbook, summary, data, tables);
        workbook.Complete();

        return new Dictionary<string, int>
        {
            [Ranked] = data.Ranked.Count,
            [Findings] = data.Findings.Count,
            [DecisionMatrix] = data.DecisionMatrix.Count,
            [Retention] = data.Retention.Count,
            [Fixes] = data.Fixes.Count,
            [Progress] = data.Progress.Count,
        };
    }
}
