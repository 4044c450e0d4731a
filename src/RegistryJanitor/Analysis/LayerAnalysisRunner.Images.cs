using System.IO;
using RegistryJanitor.Core.Layers;
using RegistryJanitor.Storage.Analysis;

namespace RegistryJanitor.Analysis;

/// <summary>The per-image step: overlay the stored layer indexes of every image whose layers are all read.</summary>
public sealed partial class LayerAnalysisRunner
{
    private const string BudgetReason = "budget";
    private const string RejectedReason = "layer_rejected";

    private async Task AnalyseImagesAsync(
        int registryId, IEnumerable<string> imagesOverBudget, RunState run, AnalysisProgress progress,
        CancellationToken cancellationToken)
    {
        var overBudget = imagesOverBudget.ToHashSet(StringComparer.Ordinal);
        var rows = await store.LoadCandidateLayersAsync(registryId, cancellationToken);
        foreach (var image in rows.GroupBy(row => row.ManifestId))
        {
            var layers = image.OrderBy(row => row.Position).ToList();
            if (layers[0].ImageAnalysed)
            {
                continue;
            }

            if (layers.Any(row => row.LayerStatus == LayerAnalysisRecord.Rejected))
            {
                run.SkippedImages.Add(new SkippedImage(image.Key, RejectedReason));
                continue;
            }

            if (layers.Any(row => row.LayerStatus is null))
            {
                if (overBudget.Contains(layers[0].ManifestDigest))
                {
                    run.SkippedImages.Add(new SkippedImage(image.Key, BudgetReason));
                }

                continue;
            }

            if (await AnalyseImageAsync(layers, run, cancellationToken))
            {
                run.ImageAnalysed();
                progress.ImageDone();
            }
        }
    }

    private async Task<bool> AnalyseImageAsync(
        List<AnalysisLayerRow> layers, RunState run, CancellationToken cancellationToken)
    {
        var analysed = layers.Where(row => row.LayerStatus == LayerAnalysisRecord.Analysed).ToList();
        try
        {
            var indexes = await store.LoadIndexesAsync(
                [.. analysed.Select(row => row.BlobId).Distinct()], cancellationToken);
            var ordered = analysed.Select(row => indexes[row.BlobId]).ToList();
            var history = await store.LoadHistoryAsync(layers[0].ManifestId, cancellationToken);
            var steps = LayerSteps.FromHistory(history, layers.Count);
            IReadOnlyList<string?> analysedSteps = steps.Count == 0 ? []
                : [.. analysed.Select(row => row.Position < steps.Count ? steps[row.Position] : null)];
            var analysis = ImageAnalyzer.Analyze(ordered, analysedSteps);
            await imageWriter.SaveAsync(
                layers[0].ManifestId, analysis, layers.Count - analysed.Count, run.RunId, timeProvider.GetUtcNow(),
                cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is InvalidDataException or KeyNotFoundException)
        {
            Log.ImageFailed(logger, layers[0].ManifestDigest, run.Registry, exception);
            return false;
        }
    }
}
