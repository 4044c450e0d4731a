namespace RegistryJanitor.Core.Ranking;

/// <summary>Runs every finding rule of the product brief over one image.</summary>
public static class FindingDetector
{
    /// <summary>Present and unknown findings, in the order of <see cref="FindingKind"/>.</summary>
    public static IReadOnlyList<Finding> Detect(ImageEvidence evidence, RankingOptions options)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(options);
        if (!evidence.IsRunnable)
        {
            return [];
        }

        var findings = new List<Finding?>();
        var config = evidence.Config;
        if (config is not null)
        {
            findings.Add(HistoryFindings.ContextBeforeDependencies(config));
            findings.Add(HistoryFindings.UnpinnedBase(evidence, config));
            findings.Add(HistoryFindings.RunsAsRoot(config));
            findings.Add(HistoryFindings.NoHealthcheck(evidence, config));
        }

        findings.Add(ContentFindings.LeakedContext(evidence.Analysis));
        findings.Add(ContentFindings.Leftovers(evidence.Analysis));
        findings.Add(Squashed(evidence, options));
        findings.Add(NoSbomOrSignature(evidence.Referrers));
        findings.Add(ContentFindings.Toolchain(evidence.Analysis));
        findings.Add(ContentFindings.ShellAndPackageManager(evidence));
        findings.Add(ContentFindings.Hidden(evidence.Analysis, options.HiddenBytesThreshold));
        findings.Add(ContentFindings.Secrets(evidence.Analysis));
        return [.. findings.OfType<Finding>().OrderBy(finding => finding.Kind)];
    }

    private static Finding? Squashed(ImageEvidence evidence, RankingOptions options)
    {
        if (evidence.Layers.Count == 0)
        {
            return null;
        }

        var largest = evidence.Layers.Select((layer, index) => (layer, index)).MaxBy(pair => pair.layer.SizeBytes);
        var share = evidence.LayerBytes == 0 ? 0 : (double)largest.layer.SizeBytes / evidence.LayerBytes;
        var oneBigLayer = largest.layer.SizeBytes >= options.SquashedMinLayerBytes
            && share >= options.SquashedLayerShare;
        if (!oneBigLayer || largest.layer.SharedWithOtherManifests || evidence.RetainedTagCount < 2)
        {
            return null;
        }

        return new Finding(FindingKind.SquashedImage, FindingStatus.Present, Severity.Low,
            $"one layer holds {share:P0} of the image and no other of the {evidence.RetainedTagCount} tags shares it",
            [new FindingEvidence("unshared big layer", largest.index, null, null, largest.layer.SizeBytes)]);
    }

    private static Finding? NoSbomOrSignature(ReferrerEvidence referrers)
    {
        var missing = new List<string>();
        if (!referrers.HasSignature)
        {
            missing.Add("signature");
        }

        if (!referrers.HasSbom)
        {
            missing.Add("SBOM");
        }

        return missing.Count == 0
            ? null
            : new Finding(FindingKind.NoSbomOrSignature, FindingStatus.Present,
                referrers.HasSignature ? Severity.Low : Severity.Medium,
                $"no {string.Join(" and no ", missing)} refers to the image",
                [.. missing.Select(item =>
                    new FindingEvidence($"no {item} referrer, tag or attestation", null, null, null, 0))]);
    }
}
