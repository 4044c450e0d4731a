using RegistryJanitor.Reports.Cost;
using RegistryJanitor.Reports.Model;
using RegistryJanitor.Reports.Xlsx;

namespace RegistryJanitor.Reports.Optimization;

/// <summary>Headline figures of the optimization Summary: formulas over the tables, with cached values.</summary>
internal static class OptimizationSummaryFigures
{
    public static List<SummaryFigure> Build(OptimizationReportData data, OptimizationTables tables)
    {
        var savingsBytes = data.Ranked.Sum(r => (double)r.SavingsBytes);
        var severities = tables.Findings.Range("Severity");
        var statuses = tables.Progress.Range("Status");
        return
        [
            new("Ranked images", $"COUNT({tables.Ranked.Range("Rank")})", data.Ranked.Count, null, CellStyle.Integer),
            new("Savings bytes", $"SUM({tables.Ranked.Range("Savings bytes")})", savingsBytes, null, CellStyle.Integer),
            new("Savings GiB", $"B{CellRow(1)}/{PriceBook.BytesPerGiBText}", savingsBytes / PriceBook.BytesPerGiB,
                null, CellStyle.GiB),
            new("Savings per month", $"SUM({tables.Ranked.Range("Savings per month")})",
                data.Ranked.Sum(r => r.SavingsPerMonth), null, CellStyle.Currency),
            new("Findings", $"COUNTA({tables.Findings.Range("Finding")})", data.Findings.Count, null,
                CellStyle.Integer),
            new("High or critical findings", $"COUNTIF({severities},\"high\")+COUNTIF({severities},\"critical\")",
                data.Findings.Count(f => IsOneOf(f.Severity, "high", "critical")), null, CellStyle.Integer),
            new("Best retention saving per month",
                data.Retention.Count == 0 ? "0" : $"MAX({tables.Retention.Range("Monthly saving")})",
                data.Retention.Count == 0 ? 0 : data.Retention.Max(r => r.MonthlySaving), null, CellStyle.Currency),
            new("Last month's top items", $"COUNT({tables.Progress.Range("Previous rank")})", data.Progress.Count,
                null, CellStyle.Integer),
            new("Fixed since last month", $"COUNTIF({statuses},\"fixed\")",
                data.Progress.Count(p => IsOneOf(p.Status, "fixed")), null, CellStyle.Integer),
        ];
    }

    private static int CellRow(int figureIndex) => OptimizationSummarySheet.FiguresHeaderRow + 1 + figureIndex;

    private static bool IsOneOf(string? value, params string[] options) =>
        options.Any(o => string.Equals(value?.Trim(), o, StringComparison.OrdinalIgnoreCase));
}
