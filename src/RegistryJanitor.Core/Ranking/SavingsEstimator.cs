using RegistryJanitor.Core.Costs;
using RegistryJanitor.Core.Layers;

namespace RegistryJanitor.Core.Ranking;

/// <summary>Estimates removable bytes of an image and prices them with the cost model.</summary>
public static class SavingsEstimator
{
    public static SavingsEstimate Estimate(
        ImageEvidence evidence, Classification classification, RankingOptions options, PricingContext pricing)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(classification);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pricing);
        if (!evidence.IsRunnable)
        {
            return SavingsEstimate.Zero(pricing.ProfileName);
        }

        var assumptions = new List<string>();
        var analysis = evidence.Analysis;
        long deadWeight = 0, hidden = 0, toolchain = 0;
        if (analysis is not null && analysis.UncompressedBytes > 0)
        {
            var ratio = Math.Min(1m, (decimal)evidence.LayerBytes / analysis.UncompressedBytes);
            assumptions.Add($"file bytes scaled by the image's compression ratio {ratio:0.###}");
            var categories = analysis.Categories.Where(total => total.Category != DeadWeightCategory.Toolchain);
            deadWeight = Scale(categories.Sum(total => total.Bytes), ratio);
            hidden = Scale(analysis.HiddenBytes, ratio);
            var toolchainFiles = analysis.Categories
                .Where(total => total.Category == DeadWeightCategory.Toolchain).Sum(total => total.Bytes);
            var devPackages = analysis.Packages.Where(package => package.IsDevelopment).Sum(package => package.Bytes);
            toolchain = Scale(Math.Max(toolchainFiles, devPackages), ratio);
        }
        else
        {
            assumptions.Add("layers not analysed: dead weight, hidden bytes and toolchains count as 0");
        }

        var baseSwap = BaseSwap(evidence, classification, options, assumptions);
        var removable = Math.Min(evidence.LayerBytes, deadWeight + hidden + toolchain + baseSwap);
        var retained = Math.Max(1, evidence.RetainedTagCount);
        var storageBytes = removable * retained;
        assumptions.Add($"storage: each of {retained} retained tags carries its own copy of the removable bytes");
        assumptions.Add("storage: marginal price per GB; included storage assumed used by the rest of the registry");
        assumptions.Add($"egress: {evidence.Pulls.PullsPerMonth} pulls/month ({evidence.Pulls.Source}: "
            + $"{evidence.Pulls.Basis}), each a cold pull of the removable bytes");

        var marginal = new PricingProfileOptions
        {
            Kind = pricing.Profile.Kind,
            Source = pricing.Profile.Source,
            BillingUnitBytes = pricing.Profile.BillingUnitBytes,
            StoragePricePerGbMonth = pricing.Profile.StoragePricePerGbMonth,
            StoragePricePerGbDay = pricing.Profile.StoragePricePerGbDay,
        };
        var storage = StorageCostCalculator.MonthlyCost(
            pricing.ProfileName, marginal, storageBytes, pricing.DaysInMonth);
        var egress = EgressCostCalculator.Cost(
            pricing.ProfileName, pricing.Profile, pricing.Registry, evidence.Pulls, removable);
        var confidence = analysis is null ? Confidence.Low
            : evidence.Pulls.Source is PullCountSource.ProviderMetric or PullCountSource.RegistryEvents
                ? Confidence.High
                : Confidence.Medium;
        return new SavingsEstimate(deadWeight, hidden, toolchain, baseSwap, removable, storageBytes,
            storage.Total, egress.Total, pricing.ProfileName, assumptions, confidence);
    }

    private static long BaseSwap(
        ImageEvidence evidence, Classification classification, RankingOptions options, List<string> assumptions)
    {
        if (classification.OsFamily == OsFamily.Distroless || classification.Row == ScenarioRow.AlreadyLean)
        {
            return 0;
        }

        var target = BaseReference.For(classification.Ecosystem, classification.Row, options);
        var (count, fromHistory) = BaseLayers.Count(evidence);
        var baseBytes = evidence.Layers.Take(count).Sum(layer => layer.SizeBytes);
        assumptions.Add(fromHistory
            ? $"base swap: {count} base layers ({baseBytes} bytes, from history) replaced by {target.Name} "
                + $"at a reference {target.Bytes} bytes"
            : $"base swap: history does not show the base; first layer ({baseBytes} bytes) taken as the base, "
                + $"replaced by {target.Name} at a reference {target.Bytes} bytes");
        return Math.Max(0, baseBytes - target.Bytes);
    }

    private static long Scale(long uncompressedBytes, decimal ratio) => (long)Math.Round(uncompressedBytes * ratio);
}
