namespace RegistryJanitor.Core.Layers;

/// <summary>Spends a download budget on the images that matter most, reading each layer digest once ever.</summary>
/// <remarks>
/// Images are ranked by image bytes × pulls (then bytes, then digest, for a stable order). Walking that order,
/// an image costs only the layers neither analysed before nor already planned in this run, so a base layer
/// shared by many images is planned once and then makes its siblings cheap. An image whose new layers do not
/// fit what is left is skipped and recorded, and smaller images further down may still fit. Foreign and
/// non-distributable layers are never downloaded (registries often do not hold them); they do not count
/// against the budget and do not stop an image from completing.
/// </remarks>
public static class AnalysisBudgetPlanner
{
    public static AnalysisPlan Plan(
        IEnumerable<AnalysisCandidate> candidates, IReadOnlySet<string> analysedLayers, long budgetBytes)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(analysedLayers);
        var ranked = candidates
            .OrderByDescending(candidate => (decimal)candidate.ImageBytes * Math.Max(0, candidate.Pulls))
            .ThenByDescending(candidate => candidate.ImageBytes)
            .ThenBy(candidate => candidate.ManifestDigest, StringComparer.Ordinal);

        var planned = new HashSet<string>(StringComparer.Ordinal);
        var toRead = new List<LayerBlobRef>();
        var completed = new List<string>();
        var skipped = new List<string>();
        var remaining = budgetBytes;
        foreach (var candidate in ranked)
        {
            var missing = candidate.Layers
                .Where(layer => IsDownloadable(layer.MediaType) && !analysedLayers.Contains(layer.Digest)
                    && !planned.Contains(layer.Digest))
                .DistinctBy(layer => layer.Digest)
                .ToList();
            var cost = missing.Sum(layer => layer.Size);
            if (cost > remaining)
            {
                skipped.Add(candidate.ManifestDigest);
                continue;
            }

            remaining -= cost;
            foreach (var layer in missing)
            {
                planned.Add(layer.Digest);
                toRead.Add(layer);
            }

            completed.Add(candidate.ManifestDigest);
        }

        return new AnalysisPlan(toRead, budgetBytes - remaining, completed, skipped);
    }

    /// <summary>False for foreign and non-distributable layers, which registries may not serve.</summary>
    public static bool IsDownloadable(string mediaType)
    {
        ArgumentNullException.ThrowIfNull(mediaType);
        return !mediaType.Contains(".foreign.", StringComparison.Ordinal)
            && !mediaType.Contains(".nondistributable.", StringComparison.Ordinal);
    }
}
