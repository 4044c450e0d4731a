using RegistryJanitor.Core.Costs;
using Xunit;

namespace RegistryJanitor.Core.Tests.Costs;

public sealed class StorageCostCalculatorTests
{
    private const long GiB = 1L << 30;

    private static readonly PricingOptions Shipped = ShippedPricing.Load();

    [Fact]
    public void MonthlyCost_Ecr_ChargesEveryGigabyteAtTheMonthlyPrice()
    {
        var profile = Shipped.Profiles["ecr"];

        var cost = StorageCostCalculator.MonthlyCost("ecr", profile, 50 * GiB, 30);

        Assert.Equal(PricingProfileKind.Ecr, profile.Kind);
        Assert.Equal(50m, cost.StoredGb);
        Assert.Equal(50m * 0.10m, cost.Total);
        Assert.Equal(0m, cost.FeeCost);
    }

    [Fact]
    public void MonthlyCost_AcrBasicWithStorageBeyondIncluded_MatchesMicrosoftsWorkedExample()
    {
        // Microsoft's own example: Basic with 25 GB pays 0.167 + 15 × 0.003 = 0.212 per day.
        var profile = Shipped.Profiles["acr-basic"];

        var cost = StorageCostCalculator.MonthlyCost("acr-basic", profile, 25 * GiB, 30);

        Assert.Equal(15m, cost.BillableGb);
        Assert.Equal(0.212m * 30, cost.Total);
        Assert.Equal(0.167m * 30, cost.FeeCost);
    }

    [Fact]
    public void MonthlyCost_AcrBasicWithinIncludedStorage_ChargesOnlyTheDailyFee()
    {
        var profile = Shipped.Profiles["acr-basic"];

        var cost = StorageCostCalculator.MonthlyCost("acr-basic", profile, 8 * GiB, 31);

        Assert.Equal(0m, cost.BillableGb);
        Assert.Equal(0m, cost.OverageCost);
        Assert.Equal(profile.DailyFee * 31, cost.Total);
    }

    [Fact]
    public void MonthlyCost_AcrStandardAtExactlyIncludedStorage_ChargesOnlyTheDailyFee()
    {
        var profile = Shipped.Profiles["acr-standard"];

        var cost = StorageCostCalculator.MonthlyCost("acr-standard", profile, 100 * GiB, 28);

        Assert.Equal(PricingProfileKind.AcrStandard, profile.Kind);
        Assert.Equal(0m, cost.OverageCost);
        Assert.Equal(0.667m * 28, cost.Total);
    }

    [Fact]
    public void MonthlyCost_AcrPremiumOverIncluded_AddsPerDayOverageForEveryDay()
    {
        var profile = Shipped.Profiles["acr-premium"];
        var stored = (600 * GiB) + (GiB / 2);

        var cost = StorageCostCalculator.MonthlyCost("acr-premium", profile, stored, 31);

        Assert.Equal(100.5m, cost.BillableGb);
        Assert.Equal((1.667m * 31) + (100.5m * 0.003m * 31), cost.Total);
    }

    [Fact]
    public void MonthlyCost_GoogleArtifactRegistry_FreeAllowanceThenMonthlyPrice()
    {
        var profile = Shipped.Profiles["google-artifact-registry"];

        var small = StorageCostCalculator.MonthlyCost("gar", profile, GiB / 4, 30);
        var large = StorageCostCalculator.MonthlyCost("gar", profile, 10 * GiB + (GiB / 2), 30);

        Assert.Equal(0m, small.Total);
        Assert.Equal(10m * 0.10m, large.Total);
    }

    [Fact]
    public void MonthlyCost_GenericWithDecimalBillingUnit_DividesByTenToTheNinth()
    {
        var profile = new PricingProfileOptions
        {
            Source = "test",
            BillingUnitBytes = BillingUnits.DecimalGigabyte,
            StoragePricePerGbMonth = 0.25m,
        };

        var cost = StorageCostCalculator.MonthlyCost("custom", profile, 3_000_000_000L, 30);

        Assert.Equal(3m, cost.StoredGb);
        Assert.Equal(0.75m, cost.Total);
    }

    [Fact]
    public void MonthlyCost_NegativeBytes_Throws()
    {
        var profile = Shipped.Profiles["generic"];

        Assert.Throws<ArgumentOutOfRangeException>(() => StorageCostCalculator.MonthlyCost("generic", profile, -1, 30));
    }

    [Fact]
    public void DaysInMonth_February2028_Is29()
    {
        Assert.Equal(29, StorageCostCalculator.DaysInMonth(new DateOnly(2028, 2, 1)));
    }
}
