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

        // Below the push threshold, a monolith needs evidence of its own (size or a squashed build); a small
        // service that merely ships less often than the threshold is still a service, not a monolith.
        var monolith = MonolithReasons(evidence, findings, options);
        if (monolith.Count > 0)
        {
            return Result(ScenarioRow.LegacyMonolith, monolith.Count > 1 ? Confidence.High : Confidence.Medium,
                [$"{pushes}: rarely deployed", .. monolith]);
        }

        var service = ServiceReasons(evidence, ecosystem);
        if (service.Count > 0)
        {
            return Result(ScenarioRow.HighFrequencyMicroservice,
                evidence.TagsPushedPerMonth * 2 >= options.HighFrequencyTagsPerMonth ? Confidence.Medium
                    : Confidence.Low,
                [$"{pushes} (threshold {options.HighFrequencyTagsPerMonth}), but the image is a small service", ..
                    service]);
        }

        return Result(ScenarioRow.LegacyMonolith, Confidence.Low, $"{pushes}: rarely deployed",
            $"{evidence.ImageBytes} image bytes, no service signal: no row fits better, so the rarely-deployed "
            + "row applies");
    }

    private static List<string> MonolithReasons(
        ImageEvidence evidence, IReadOnlyList<Finding> findings, RankingOptions options)
    {
        var reasons = new List<string>();
        if (evidence.ImageBytes >= options.MonolithImageBytes)
        {
            reasons.Add($"{evidence.ImageBytes} image bytes (threshold {options.MonolithImageBytes})");
        }

        if (findings.Any(finding =>
                finding.Kind == FindingKind.SquashedImage && finding.Status == FindingStatus.Present))
        {
            reasons.Add("one big unshared layer per tag: built squashed");
        }
        else if (evidence.Layers.Count == 1 && (evidence.Config?.History ?? []).Any(step =>
            (step.CreatedBy ?? string.Empty).Contains("squash", StringComparison.OrdinalIgnoreCase)))
        {
            reasons.Add("a single layer whose history names a squash");
        }

        return reasons;
    }

    private static List<string> ServiceReasons(ImageEvidence evidence, EcosystemDetection ecosystem)
    {
        var reasons = new List<string>();
        var config = evidence.Config;
        if (config is { ExposedPorts.Count: > 0 })
        {
            reasons.Add($"exposes ports {string.Join(", ", config.ExposedPorts)}");
        }

        if (config is { HealthcheckTest: [var first, ..] } && first != "NONE")
        {
            reasons.Add("declares a health check");
        }

        if (ecosystem.Ecosystem is Ecosystem.Node or Ecosystem.Go or Ecosystem.DotNet or Ecosystem.Jvm)
        {
            reasons.Add($"{ecosystem.Ecosystem} service runtime");
        }

        return reasons;
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
