using RegistryJanitor.Reports.Model;

namespace RegistryJanitor.Reports.Cost;

/// <summary>
/// Where every price lives on the Assumptions sheet, and the C# twins of the cost formulas that produce the
/// cached values (so readers that do not recalculate still see the same numbers Excel would compute).
/// </summary>
/// <remarks>
/// Known simplifications: a registry has one egress price (the one for its configured pull location), not a
/// mix of same-region, cross-region and internet pulls; a month-to-date report bills the full price per
/// GiB-month (only daily fees follow the billed days); repository, image and dead-weight costs are showback at
/// list price, so included storage and daily fees appear only on the Registries sheet and the Summary.
/// </remarks>
internal sealed class PriceBook(IReadOnlyDictionary<string, RegistryPriceCells> registries, string billedDaysCell,
    string bytesPerGiBCell, int billedDays)
{
    /// <summary>Bytes per GiB (2^30); the unit every GiB column and price uses.</summary>
    public const double BytesPerGiB = 1073741824d;

    /// <summary>The same constant in formulas of the optimization workbook, which has no Assumptions sheet.</summary>
    public const string BytesPerGiBText = "1073741824";

    public string BilledDaysCell { get; } = billedDaysCell;

    /// <summary>Absolute reference to the Assumptions cell "Bytes per GiB", the divisor of every GiB formula.</summary>
    public string BytesPerGiBCell { get; } = bytesPerGiBCell;

    public int BilledDays { get; } = billedDays;

    public RegistryPriceCells For(string registry) =>
        registries.TryGetValue(registry, out var cells)
            ? cells
            : throw new ArgumentException($"No pricing given for registry '{registry}'.", nameof(registry));

    public static double GiB(long bytes) => bytes / BytesPerGiB;

    /// <summary>Showback storage cost at list price (no included quota): GiB × storage price.</summary>
    public double StorageCost(string registry, long bytes) =>
        GiB(bytes) * For(registry).Pricing.StoragePricePerGiBMonth;

    public double EgressCost(string registry, long bytes) => GiB(bytes) * For(registry).Pricing.EgressPricePerGiB;

    /// <summary>Billable GiB of a registry: stored GiB above the included storage.</summary>
    public double BillableGiB(string registry, long storedBytes) =>
        Math.Max(0, GiB(storedBytes) - For(registry).Pricing.IncludedStorageGiB);

    /// <summary>Registry storage bill: billable GiB × price + daily fee × billed days.</summary>
    public double RegistryStorageCost(string registry, long storedBytes)
    {
        var pricing = For(registry).Pricing;
        return (BillableGiB(registry, storedBytes) * pricing.StoragePricePerGiBMonth) + (pricing.DailyFee * BilledDays);
    }
}
