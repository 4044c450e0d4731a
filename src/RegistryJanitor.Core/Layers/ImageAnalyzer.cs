using RegistryJanitor.Core.Layers.Packages;

namespace RegistryJanitor.Core.Layers;

/// <summary>Turns the indexes of an image's ordered layers into its <see cref="ImageAnalysis"/>.</summary>
/// <remarks>
/// Categories are measured on the final filesystem only: a cache removed by a later layer is hidden bytes, not
/// a cache finding. Secrets are reported from every layer, because a deleted key file is still in the blob
/// anyone with pull access can download.
/// </remarks>
public static class ImageAnalyzer
{
    public static ImageAnalysis Analyze(IReadOnlyList<LayerIndex> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var overlay = ImageOverlay.Compute(layers);

        var totals = new Dictionary<DeadWeightCategory, CategoryTotal>();
        long visibleBytes = 0;
        foreach (var (path, visible) in overlay.VisibleFiles)
        {
            visibleBytes += visible.Entry.Size;
            var category = DeadWeightClassifier.Classify(path);
            if (category == DeadWeightCategory.None)
            {
                continue;
            }

            if (!totals.TryGetValue(category, out var total))
            {
                total = totals[category] = new CategoryTotal(category);
            }

            total.Add(path, visible.Entry.Size);
        }

        return new ImageAnalysis
        {
            UncompressedBytes = layers.Sum(layer => layer.TarBytes),
            VisibleBytes = visibleBytes,
            VisibleFileCount = overlay.VisibleFiles.Count,
            HiddenBytes = overlay.HiddenBytes,
            HiddenFileCount = overlay.HiddenFileCount,
            LargestHidden = overlay.LargestHidden,
            DiveEfficiency = DiveEfficiency.Compute(layers),
            Categories = totals.Values.OrderByDescending(total => total.Bytes).ToList(),
            Secrets = FindSecrets(layers, overlay),
            Packages = PackageAttribution.Attribute(overlay, layers),
        };
    }

    private static List<SecretFinding> FindSecrets(IReadOnlyList<LayerIndex> layers, OverlayResult overlay)
    {
        var findings = new List<SecretFinding>();
        for (var layer = 0; layer < layers.Count; layer++)
        {
            foreach (var entry in layers[layer].Entries)
            {
                if (entry.Secret != SecretKind.None)
                {
                    var visible = overlay.VisibleFiles.TryGetValue(entry.Path, out var file) && file.Layer == layer;
                    findings.Add(new SecretFinding(entry.Path, entry.Secret, layer, visible));
                }
            }
        }

        return findings;
    }
}
