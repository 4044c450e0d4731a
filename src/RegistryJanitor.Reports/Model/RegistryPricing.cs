namespace RegistryJanitor.Reports.Model;

/// <summary>
/// The prices one registry is billed with; every value lands in an Assumptions cell the cost formulas refer to.
/// </summary>
public sealed record RegistryPricing
{
    public required string Registry { get; init; }

    /// <summary>Pricing profile name, for example <c>ecr</c>, <c>acr-standard</c>, <c>generic</c>.</summary>
    public required string PricingProfile { get; init; }

    /// <summary>Price per GiB (2^30 bytes) of stored bytes per month.</summary>
    public required double StoragePricePerGiBMonth { get; init; }

    /// <summary>Storage included in the plan, GiB; only stored bytes above it are billed.</summary>
    public required double IncludedStorageGiB { get; init; }

    /// <summary>Fixed fee per day (ACR tiers); 0 where the provider has none.</summary>
    public required double DailyFee { get; init; }

    /// <summary>Price per GiB transferred for the configured pull location of this registry.</summary>
    public required double EgressPricePerGiB { get; init; }

    /// <summary>Where pulls come from: <c>same-region</c>, <c>cross-region</c> or <c>internet</c>.</summary>
    public required string PullLocation { get; init; }

    /// <summary>Where the prices come from (page and date, or the configuration override).</summary>
    public required string Source { get; init; }
}
