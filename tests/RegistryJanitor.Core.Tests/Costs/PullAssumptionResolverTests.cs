using RegistryJanitor.Core.Costs;
using Xunit;

namespace RegistryJanitor.Core.Tests.Costs;

public sealed class PullAssumptionResolverTests
{
    private static PullAssumptionResolver CreateResolver() => new(
    [
        new PullAssumptionOptions { Pattern = "payments/*", DeploysPerMonth = 20, Replicas = 6 },
        new PullAssumptionOptions { Pattern = "**", DeploysPerMonth = 2.5m, Replicas = 2 },
    ]);

    [Fact]
    public void Estimate_FirstMatchingPattern_MultipliesDeploysByReplicas()
    {
        var estimate = CreateResolver().Estimate("payments/api");

        Assert.Equal(20m * 6, estimate.PullsPerMonth);
        Assert.Equal(PullCountSource.ConfiguredAssumption, estimate.Source);
        Assert.Contains("payments/*", estimate.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_SingleStarDoesNotCrossSegments_FallsThroughToDoubleStar()
    {
        var estimate = CreateResolver().Estimate("payments/fraud/scorer");

        Assert.Equal(2.5m * 2, estimate.PullsPerMonth);
    }

    [Fact]
    public void Estimate_NoPatternMatches_IsNone()
    {
        var assumption = new PullAssumptionOptions { Pattern = "web/*", DeploysPerMonth = 1 };
        var resolver = new PullAssumptionResolver([assumption]);

        var estimate = resolver.Estimate("api");

        Assert.Same(PullEstimate.None, estimate);
    }

    [Fact]
    public void Choose_MeasuredCountsPresent_WinOverAssumption()
    {
        var resolver = CreateResolver();

        var provider = resolver.Choose("payments/api", 7, 9);
        var events = resolver.Choose("payments/api", null, 9);
        var assumed = resolver.Choose("payments/api", null, null);

        Assert.Equal((7m, PullCountSource.ProviderMetric), (provider.PullsPerMonth, provider.Source));
        Assert.Equal((9m, PullCountSource.RegistryEvents), (events.PullsPerMonth, events.Source));
        Assert.Equal(PullCountSource.ConfiguredAssumption, assumed.Source);
    }
}
