using RegistryJanitor.Core.Costs;
using Xunit;

namespace RegistryJanitor.Core.Tests.Costs;

public sealed class EgressCostCalculatorTests
{
    private const long MiB = 1L << 20;

    private static readonly PricingOptions Shipped = ShippedPricing.Load();

    [Fact]
    public void Cost_EcrWithMixedSources_PricesEachShareSeparately()
    {
        var profile = Shipped.Profiles["ecr"];
        var registry = new RegistryCostOptions
        {
            SameRegionShare = 0.5m,
            CrossRegionShare = 0.3m,
            InternetShare = 0.2m,
        };
        var pulls = new PullEstimate(100m, PullCountSource.RegistryEvents, "test");

        var cost = EgressCostCalculator.Cost("ecr", profile, registry, pulls, 512 * MiB);

        // 100 pulls × 0.5 GiB = 50 GiB: 25 free, 15 GiB at 0.02, 10 GiB at 0.09.
        Assert.Equal(50m * (1L << 30), cost.EgressBytes);
        Assert.Equal(0m, cost.SameRegionCost);
        Assert.Equal(15m * 0.02m, cost.CrossRegionCost);
        Assert.Equal(10m * 0.09m, cost.InternetCost);
        Assert.Equal(PullCountSource.RegistryEvents, cost.PullSource);
    }

    [Fact]
    public void Cost_AcrInternetOnly_UsesAzureBandwidthPrice()
    {
        var profile = Shipped.Profiles["acr-standard"];
        var registry = new RegistryCostOptions { SameRegionShare = 0m, InternetShare = 1m };
        var pulls = new PullEstimate(40m, PullCountSource.ConfiguredAssumption, "test");

        var cost = EgressCostCalculator.Cost("acr-standard", profile, registry, pulls, 256 * MiB);

        Assert.Equal(10m * profile.EgressInternetPerGb, cost.Total);
        Assert.Equal(10m * 0.087m, cost.Total);
    }

    [Fact]
    public void Cost_GoogleArtifactRegistryCrossRegion_UsesInterRegionPrice()
    {
        var profile = Shipped.Profiles["google-artifact-registry"];
        var registry = new RegistryCostOptions { SameRegionShare = 0m, CrossRegionShare = 1m };
        var pulls = new PullEstimate(8m, PullCountSource.ProviderMetric, "test");

        var cost = EgressCostCalculator.Cost("gar", profile, registry, pulls, 1024 * MiB);

        Assert.Equal(8m * 0.01m, cost.Total);
    }

    [Fact]
    public void Cost_SameRegionOnly_IsFreeForEveryShippedProfile()
    {
        var registry = new RegistryCostOptions();
        var pulls = new PullEstimate(1000m, PullCountSource.ProviderMetric, "test");

        var costs = Shipped.Profiles.Select(p => EgressCostCalculator.Cost(p.Key, p.Value, registry, pulls, 100 * MiB));

        Assert.All(costs, c => Assert.Equal(0m, c.Total));
    }

    [Fact]
    public void Cost_NoPulls_IsZeroAndLabelledNone()
    {
        var profile = Shipped.Profiles["generic"];

        var cost = EgressCostCalculator.Cost("generic", profile, new RegistryCostOptions(), PullEstimate.None, 1000);

        Assert.Equal(0m, cost.Total);
        Assert.Equal(PullCountSource.None, cost.PullSource);
    }
}
