namespace RegistryJanitor.Core.Ranking;

/// <summary>Classifies, inspects, prices and orders images: the pure core of a ranking run.</summary>
public static class ImageRanker
{
    /// <summary>
    /// Ranks runnable images by money saved per month, ties broken by security severity, then by removable bytes,
    /// then by name for a stable order. Artifacts are returned after them with rank 0.
    /// </summary>
    /// <param name="images">The images to rank.</param>
    /// <param name="options">Thresholds and reference sizes.</param>
    /// <param name="pricingFor">The prices of an image's registry.</param>
    public static IReadOnlyList<RankedImage> Rank(
        IEnumerable<ImageEvidence> images, RankingOptions options, Func<ImageEvidence, PricingContext> pricingFor)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pricingFor);
        var assessed = images.Select(image => Assess(image, options, pricingFor(image))).ToList();
        var ranked = assessed
            .Where(item => item.Classification.Row != ScenarioRow.NotAnImage)
            .OrderByDescending(item => item.Savings.MoneyPerMonth)
            .ThenByDescending(item => item.SecurityScore)
            .ThenByDescending(item => item.Savings.RemovableBytes)
            .ThenBy(item => item.Evidence.Registry, StringComparer.Ordinal)
            .ThenBy(item => item.Evidence.Repository, StringComparer.Ordinal)
            .ThenBy(item => item.Evidence.Tag, StringComparer.Ordinal)
            .Select((item, index) => item with { Rank = index + 1 });
        var unranked = assessed.Where(item => item.Classification.Row == ScenarioRow.NotAnImage);
        return [.. ranked, .. unranked];
    }

    /// <summary>Everything about one image except its rank.</summary>
    public static RankedImage Assess(ImageEvidence evidence, RankingOptions options, PricingContext pricing)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pricing);
        var findings = FindingDetector.Detect(evidence, options);
        var classification = ScenarioClassifier.Classify(evidence, findings, options);
        var savings = SavingsEstimator.Estimate(evidence, classification, options, pricing);
        var recommendations = DockerfileAdvisor.Advise(evidence, classification, findings, options);
        return new RankedImage(
            0, evidence, classification, findings, savings, recommendations, SecurityScore(findings));
    }

    /// <summary>Root 4, secret-like files 2, shell in the runtime 1: root outranks secrets outranks shells.</summary>
    public static int SecurityScore(IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        bool Has(FindingKind kind) =>
            findings.Any(finding => finding.Kind == kind && finding.Status == FindingStatus.Present);

        return (Has(FindingKind.RunsAsRoot) ? 4 : 0) + (Has(FindingKind.SecretLikeFiles) ? 2 : 0)
            + (Has(FindingKind.ShellAndPackageManager) ? 1 : 0);
    }
}
