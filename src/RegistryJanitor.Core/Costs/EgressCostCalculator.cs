namespace RegistryJanitor.Core.Costs;

/// <summary>Egress = pulls × pull bytes × price per GB for where the pulls come from.</summary>
public static class EgressCostCalculator
{
    /// <summary>Splits the transferred bytes by the registry's pull shares and prices each share.</summary>
    public static EgressCost Cost(
        string profileName,
        PricingProfileOptions profile,
        RegistryCostOptions registry,
        PullEstimate pulls,
        long bytesPerPull)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(pulls);
        ArgumentOutOfRangeException.ThrowIfNegative(bytesPerPull);

        var egressBytes = pulls.PullsPerMonth * bytesPerPull;
        var egressGb = egressBytes / profile.BillingUnitBytes;
        return new EgressCost(
            profileName,
            pulls.Source,
            pulls.PullsPerMonth,
            bytesPerPull,
            egressBytes,
            PriceShare(PullSource.SameRegion),
            PriceShare(PullSource.CrossRegion),
            PriceShare(PullSource.Internet));

        decimal PriceShare(PullSource source) => egressGb * registry.Share(source) * profile.EgressPricePerGb(source);
    }
}
