namespace RegistryJanitor.Reports.Model;

/// <summary>Everything the monthly optimization workbook (registry-optimization-YYYY-MM.xlsx) shows.</summary>
/// <remarks>
/// Savings in money are the ranking run's figures (computed with the prices of that run) and are written as
/// numbers; sums and counts on the Summary sheet are formulas over the tables.
/// </remarks>
public sealed record OptimizationReportData
{
    /// <summary>First day of the reported month.</summary>
    public required DateOnly Month { get; init; }

    public required bool MonthToDate { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>ISO 4217 code of every money figure, for example <c>USD</c>.</summary>
    public required string Currency { get; init; }

    /// <summary>Ranked images, best saving first.</summary>
    public required IReadOnlyList<RankedItemRow> Ranked { get; init; }

    public required IReadOnlyList<FindingRow> Findings { get; init; }

    public required IReadOnlyList<DecisionMatrixRow> DecisionMatrix { get; init; }

    public required IReadOnlyList<RetentionPolicyRow> Retention { get; init; }

    public required IReadOnlyList<FixRow> Fixes { get; init; }

    /// <summary>Last month's top items and whether they were fixed.</summary>
    public required IReadOnlyList<ProgressItemRow> Progress { get; init; }
}
