using RegistryJanitor.Core.Layers.Packages;

namespace RegistryJanitor.Core.Layers;

/// <summary>Turns the indexes of an image's ordered layers into its <see cref="ImageAnalysis"/>.</summary>
/// <remarks>
/// Categories are measured on the final filesystem only: a cache removed by a later layer is hidden bytes, not
/// a cache finding. Secrets are reported from every layer, because a deleted key file is still in the blob
/// anyone with pull access can download. Files get their category from <see cref="DeadWeightClassifier"/> by
/// path, except a <c>node_modules</c> tree that the history shows came with the build context
/// (<see cref="LeakedNodeModules"/>), which is leaked build context, and files a dpkg or apk development package
/// owns (<c>-dev</c> packages, compiler meta-packages), which are toolchain unless their path already puts them in
/// an earlier category (version control, caches): a <c>-dev</c> package's pkg-config files and copyright notes go
/// when the package goes.
/// </remarks>
public static class ImageAnalyzer
{
    /// <summary>Analyses an image whose history is unknown.</summary>
    public static ImageAnalysis Analyze(IReadOnlyList<LayerIndex> layers) => Analyze(layers, []);

    /// <summary>Analyses an image's layers in order.</summary>
    /// <param name="layers">The layer indexes, lowest first.</param>
    /// <param name="layerSteps">
    /// The history <c>created_by</c> of the step that made each layer, aligned with <paramref name="layers"/>
    /// (see <see cref="LayerSteps.FromHistory"/>); empty when unknown.
    /// </param>
    public static ImageAnalysis Analyze(IReadOnlyList<LayerIndex> layers, IReadOnlyList<string?> layerSteps)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(layerSteps);
        var overlay = ImageOverlay.Compute(layers);
        var leakedModules = LeakedNodeModules.Find(layers, layerSteps);
        var packages = PackageAttribution.Installed(overlay, layers);
        var developmentFiles = PackageAttribution.DevelopmentFiles(packages);

        var totals = new Dictionary<DeadWeightCategory, CategoryTotal>();
        long visibleBytes = 0;
        foreach (var (path, visible) in overlay.VisibleFiles)
        {
            visibleBytes += visible.Entry.Size;
            var category = DeadWeightClassifier.Classify(path);
            if (category == DeadWeightCategory.None && leakedModules.Contains(path, visible.Layer))
            {
                category = DeadWeightCategory.LeakedBuildContext;
            }

            if (category is DeadWeightCategory.None or DeadWeightCategory.LeakedBuildContext
                    or DeadWeightCategory.Documentation or DeadWeightCategory.ManPages or DeadWeightCategory.Locales
                && developmentFiles.Contains(path))
            {
                category = DeadWeightCategory.Toolchain;
            }

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
            Packages = PackageAttribution.Attribute(overlay, packages),
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
