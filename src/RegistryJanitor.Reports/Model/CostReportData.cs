namespace RegistryJanitor.Reports.Model;

/// <summary>Everything the monthly cost workbook (registry-costs-YYYY-MM.xlsx) shows.</summary>
/// <remarks>
/// Costs of the month are not carried here: the workbook computes them with formulas from the bytes and pulls
/// below and the prices in <see cref="Pricing"/>, so an analyst who changes a price sees every total follow.
/// Past months (<see cref="PreviousMonth"/>, <see cref="History"/>) are stored figures and stay fixed.
/// </remarks>
public sealed record CostReportData
{
    /// <summary>First day of the reported month.</summary>
    public required DateOnly Month { get; init; }

    /// <summary>True when the month is still running (figures up to <see cref="GeneratedAt"/>).</summary>
    public required bool MonthToDate { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>ISO 4217 code of every money figure, for example <c>USD</c>.</summary>
    public required string Currency { get; init; }

    /// <summary>Days the daily fees are charged for (days of the month, or days so far when month to date).</summary>
    public required int BilledDays { get; init; }

    /// <summary>Totals of the previous month, or null when there is no history yet.</summary>
    public CostMonthTotals? PreviousMonth { get; init; }

    /// <summary>Months before the reported one (any order; the last 11 are charted with the current month).</summary>
    public required IReadOnlyList<CostMonthTotals> History { get; init; }

    /// <summary>Prices per registry; every registry in <see cref="Registries"/> needs one.</summary>
    public required IReadOnlyList<RegistryPricing> Pricing { get; init; }

    public required IReadOnlyList<AssumptionRow> Assumptions { get; init; }

    public required IReadOnlyList<RegistryCostRow> Registries { get; init; }

    public required IReadOnlyList<TeamCostRow> Teams { get; init; }

    public required IReadOnlyList<RepositoryCostRow> Repositories { get; init; }

    public required IReadOnlyList<ImageCostRow> Images { get; init; }

    public required IReadOnlyList<SharedLayerRow> SharedLayers { get; init; }

    public required IReadOnlyList<DeadWeightRow> DeadWeight { get; init; }
}
