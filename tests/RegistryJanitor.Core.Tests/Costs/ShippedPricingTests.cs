using RegistryJanitor.Core.Costs;
using Xunit;

namespace RegistryJanitor.Core.Tests.Costs;

public sealed class ShippedPricingTests
{
    [Fact]
    public void Load_ShippedDefaults_AreValidAndNameTheirSource()
    {
        var pricing = ShippedPricing.Load();

        var failures = pricing.Validate();

        Assert.Empty(failures);
        Assert.Equal("USD", pricing.Currency);
        Assert.All(pricing.Profiles.Values, p => Assert.Contains("20", p.Source, StringComparison.Ordinal));
        var kinds = pricing.Profiles.Values.Select(p => p.Kind).ToHashSet();
        Assert.Equal(Enum.GetValues<PricingProfileKind>().ToHashSet(), kinds);
    }

    [Fact]
    public void Load_AwsAndAzureProfiles_BillInBinaryGigabytes()
    {
        var pricing = ShippedPricing.Load();

        var awsAndAzure = pricing.Profiles.Values.Where(p => p.Kind is not PricingProfileKind.Generic
            and not PricingProfileKind.GoogleArtifactRegistry);

        Assert.All(awsAndAzure, p => Assert.Equal(1L << 30, p.BillingUnitBytes));
    }

    [Fact]
    public void Load_AcrProfiles_HaveDailyFeeAndIncludedStorage()
    {
        var pricing = ShippedPricing.Load();

        var acr = pricing.Profiles.Values.Where(p => p.Kind is PricingProfileKind.AcrBasic
            or PricingProfileKind.AcrStandard or PricingProfileKind.AcrPremium).ToList();

        Assert.Equal(3, acr.Count);
        Assert.All(acr, p => Assert.True(p.DailyFee > 0m && p.IncludedStorageGb > 0m));
    }

    [Fact]
    public void Validate_UnknownProfileAndSharesNotSummingToOne_ReportsBothSettings()
    {
        var pricing = ShippedPricing.Load();
        pricing.Registries["prod"] = new RegistryCostOptions
        {
            Profile = "acr-gold",
            SameRegionShare = 0.5m,
            InternetShare = 0.2m,
        };

        var failures = pricing.Validate();

        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.Contains("Pricing:Registries:prod:Profile", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("add up to 0.7", StringComparison.Ordinal));
    }

    [Fact]
    public void ProfileFor_RegistryWithoutEntry_UsesDefaultProfile()
    {
        var pricing = ShippedPricing.Load();

        var (name, profile) = pricing.ProfileFor("anything");

        Assert.Equal(pricing.DefaultProfile, name);
        Assert.Same(pricing.Profiles[pricing.DefaultProfile], profile);
    }
}
