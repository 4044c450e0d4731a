using RegistryJanitor.Core.Layers;

namespace RegistryJanitor.Core.Ranking;

/// <summary>Places an image in a decision-matrix row, or marks it lean or not an image, with reasons.</summary>
public static class ScenarioClassifier
{
    public static Classification Classify(
        ImageEvidence evidence, IReadOnlyList<Finding> findings, RankingOptions options)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(options);
        var ecosystem = EcosystemDetector.Detect(evidence);
        var os = OsFamilyDetector.Detect(evidence);
        Classification Result(ScenarioRow row, Confidence confidence, params string[] reasons) =>
            new(row, confidence, [.. reasons, .. ecosystem.Reasons.Select(reason => $"ecosystem: {reason}")],
                ecosystem, os);

        if (!evidence.IsRunnable)
        {
            return Result(ScenarioRow.NotAnImage, Confidence.High, $"manifest kind is {evidence.Kind}");
        }

        var lean = LeanReasons(evidence, findings, options);
        if (lean is not null)
        {
            return Result(ScenarioRow.AlreadyLean, Confidence.High, lean);
        }

        var sitePackages = ecosystem.SitePackagesBytes ?? 0;
        if (ecosystem.Ecosystem == Ecosystem.Python
            && (ecosystem.MlLibraries.Count > 0 || sitePackages >= options.DataHeavySitePackagesBytes))
        {
            var fromPackages = evidence.Analysis is not null;
            return Result(ScenarioRow.DataHeavyMlPython, fromPackages ? Confidence.High : Confidence.Medium,
                $"Python with ML libraries [{string.Join(", ", ecosystem.MlLibraries)}]",
                ecosystem.SitePackagesBytes is null
                    ? "site-packages size unknown (layers not analysed)"
                    : $"site-packages {sitePackages} bytes");
        }

        if (evidence.BuildCacheArtifacts > 0)
        {
            return Result(ScenarioRow.CiConstrained, Confidence.High,
                $"{evidence.BuildCacheArtifacts} BuildKit cache exports in the repository: "
                + "built by CI through the registry");
        }

        var pushes = $"{evidence.TagsPushedPerMonth:0.##} tags pushed per month";
        if (evidence.TagsPushedPerMonth >= options.HighFrequencyTagsPerMonth)
        {
            return Result(ScenarioRow.HighFrequencyMicroservice,
                ecosystem.Ecosystem == Ecosystem.Unknown ? Confidence.Medium : Confidence.High,
                $"{pushes} (threshold {options.HighFrequencyTagsPerMonth})");
        }

        var big = evidence.ImageBytes >= options.MonolithImageBytes;
        return Result(ScenarioRow.LegacyMonolith, big ? Confidence.Medium : Confidence.Low,
            $"{pushes}: rarely deployed",
            big ? $"{evidence.ImageBytes} image bytes (threshold {options.MonolithImageBytes})"
                : "small image: no row fits better, so the rarely-deployed row applies");
    }

    private static string[]? LeanReasons(
        ImageEvidence evidence, IReadOnlyList<Finding> findings, RankingOptions options)
    {
        var analysis = evidence.Analysis;
        if (analysis is null
            || findings.Any(finding => finding.Status == FindingStatus.Present && finding.Severity >= Severity.Medium))
        {
            return null;
        }

        var contentBytes = analysis.HiddenBytes
            + analysis.Categories.Where(total => total.Category != DeadWeightCategory.None).Sum(total => total.Bytes);
        return contentBytes > options.LeanRemovableBytes
            ? null
            : [
                "no finding of medium or high severity",
                $"{contentBytes} uncompressed bytes of dead weight and hidden copies "
                    + $"(threshold {options.LeanRemovableBytes})",
            ];
    }
}
