using RegistryJanitor.Reports.Model;

namespace RegistryJanitor.Reports.Cost;

/// <summary>
/// Absolute references to one registry's price cells on the Assumptions sheet, with the values written.
/// </summary>
internal sealed record RegistryPriceCells(
    RegistryPricing Pricing,
    string StoragePrice,
    string IncludedStorage,
    string DailyFee,
    string EgressPrice);
