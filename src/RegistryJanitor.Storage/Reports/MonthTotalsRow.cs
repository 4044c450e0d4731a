namespace RegistryJanitor.Storage.Reports;

/// <summary>One history row as read (the date column arrives as a timestamp).</summary>
internal sealed record MonthTotalsRow
{
    public DateTime Month { get; init; }
    public long LogicalBytes { get; init; }
    public long StoredBytes { get; init; }
    public long Pulls { get; init; }
    public long EgressBytes { get; init; }
    public double StorageCost { get; init; }
    public double EgressCost { get; init; }
}
