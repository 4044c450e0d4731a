using System.ComponentModel.DataAnnotations;

namespace RegistryJanitor.Core.Costs;

/// <summary>
/// One pricing profile: an element of <c>Pricing:Profiles</c>, keyed by profile name. Every price is in the
/// currency of <see cref="PricingOptions.Currency"/> and can be overridden in configuration.
/// </summary>
/// <remarks>
/// Monthly storage cost = daily fee × days in the month
/// + billable GB × (<see cref="StoragePricePerGbMonth"/> + <see cref="StoragePricePerGbDay"/> × days in the month),
/// where billable GB = max(0, stored bytes ÷ <see cref="BillingUnitBytes"/> − <see cref="IncludedStorageGb"/>).
/// Tiered prices (such as internet egress getting cheaper beyond 10 TB a month) and free-tier allowances
/// shared across an account are not modelled: the first tier's price applies to every byte.
/// </remarks>
public sealed class PricingProfileOptions
{
    /// <summary>The billing model. Default <see cref="PricingProfileKind.Generic"/>.</summary>
    public PricingProfileKind Kind { get; set; } = PricingProfileKind.Generic;

    /// <summary>Where the default prices come from and when they were read. Required; shown in reports.</summary>
    [Required]
    public string Source { get; set; } = string.Empty;

    /// <summary>Bytes in one billing GB. Default 1073741824 (binary GB, as AWS and Azure bill).</summary>
    [Range(1L, long.MaxValue)]
    public long BillingUnitBytes { get; set; } = BillingUnits.BinaryGigabyte;

    /// <summary>Price per billable GB per month. Default 0 (currency per GB-month).</summary>
    [Range(0.0, 1_000_000.0)]
    public decimal StoragePricePerGbMonth { get; set; }

    /// <summary>Price per billable GB per day, as ACR bills overage. Default 0 (currency per GB-day).</summary>
    [Range(0.0, 1_000_000.0)]
    public decimal StoragePricePerGbDay { get; set; }

    /// <summary>Storage included in the fee or free allowance, in billing GB. Default 0.</summary>
    [Range(0.0, 1_000_000_000.0)]
    public decimal IncludedStorageGb { get; set; }

    /// <summary>Fixed fee per day of the month, as ACR tiers charge. Default 0 (currency per day).</summary>
    [Range(0.0, 1_000_000.0)]
    public decimal DailyFee { get; set; }

    /// <summary>Egress price per GB to clients in the same region. Default 0 (currency per GB).</summary>
    [Range(0.0, 1_000_000.0)]
    public decimal EgressSameRegionPerGb { get; set; }

    /// <summary>Egress price per GB to clients in another region. Default 0 (currency per GB).</summary>
    [Range(0.0, 1_000_000.0)]
    public decimal EgressCrossRegionPerGb { get; set; }

    /// <summary>Egress price per GB to clients on the internet. Default 0 (currency per GB).</summary>
    [Range(0.0, 1_000_000.0)]
    public decimal EgressInternetPerGb { get; set; }

    /// <summary>The egress price per GB for pulls from <paramref name="source"/>.</summary>
    public decimal EgressPricePerGb(PullSource source) => source switch
    {
        PullSource.SameRegion => EgressSameRegionPerGb,
        PullSource.CrossRegion => EgressCrossRegionPerGb,
        PullSource.Internet => EgressInternetPerGb,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown pull source."),
    };
}
