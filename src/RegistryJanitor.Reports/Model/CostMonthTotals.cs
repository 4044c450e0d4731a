namespace RegistryJanitor.Reports.Model;

/// <summary>
/// Totals of one month as rolled up in PostgreSQL; used for the previous month and the 12-month history.
/// </summary>
public sealed record CostMonthTotals
{
    /// <summary>First day of the month.</summary>
    public required DateOnly Month { get; init; }

    public required long LogicalBytes { get; init; }

    public required long StoredBytes { get; init; }

    public required long Pulls { get; init; }

    public required long EgressBytes { get; init; }

    /// <summary>Storage cost of that month in the report currency, as computed at the time.</summary>
    public required double StorageCost { get; init; }

    /// <summary>Egress cost of that month in the report currency, as computed at the time.</summary>
    public required double EgressCost { get; init; }
}
