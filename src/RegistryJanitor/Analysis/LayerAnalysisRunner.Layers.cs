using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Core.Layers;
using RegistryJanitor.Core.Model;
using RegistryJanitor.Registries.Layers;
using RegistryJanitor.Storage.Analysis;

namespace RegistryJanitor.Analysis;

/// <summary>The per-layer step: read the planned layer blobs, several at once, and store each outcome.</summary>
public sealed partial class LayerAnalysisRunner
{
    private const string UnsupportedDigestReason = "UnsupportedDigest";

    private async Task SkipUndownloadableAsync(
        IReadOnlyList<AnalysisLayerRow> rows, RunState run, CancellationToken cancellationToken)
    {
        var skipped = rows
            .Where(row => row.LayerStatus is null && !AnalysisBudgetPlanner.IsDownloadable(row.MediaType))
            .DistinctBy(row => row.BlobId);
        foreach (var row in skipped)
        {
            var record = new LayerAnalysisRecord(row.BlobId, LayerAnalysisRecord.Skipped, null, null, null);
            await store.SaveLayerAsync(record, [], run.RunId, timeProvider.GetUtcNow(), cancellationToken);
            run.LayerSkipped();
        }
    }

    private async Task ReadLayersAsync(
        RegistryOptions registry, IReadOnlyList<AnalysisLayerRow> rows, IReadOnlyList<LayerBlobRef> layersToRead,
        RunState run, AnalysisProgress progress, CancellationToken cancellationToken)
    {
        if (layersToRead.Count == 0)
        {
            return;
        }

        var byDigest = rows
            .GroupBy(row => row.BlobDigest, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        var readable = new List<(AnalysisLayerRow Row, Digest Digest)>(layersToRead.Count);
        foreach (var layer in layersToRead)
        {
            var row = byDigest[layer.Digest];
            if (Digest.TryParse(row.BlobDigest, out var digest))
            {
                readable.Add((row, digest));
                continue;
            }

            await RejectAsync(run, row, UnsupportedDigestReason, "The digest algorithm is not supported.",
                cancellationToken);
            progress.LayerDone(0);
        }

        var provider = CreateProvider(registry);
        await reader.ReadAllAsync(
            readable,
            layer => new LayerSource(
                layer.Digest,
                layer.Row.BlobSize,
                layer.Row.MediaType,
                token => provider.OpenBlobAsync(layer.Row.Repository, layer.Digest, token)),
            ParallelLayersFor(registry),
            (layer, outcome, token) => SaveOutcomeAsync(layer.Row, outcome, run, progress, token),
            cancellationToken);
    }

    /// <summary>
    /// The configured degree of parallelism, capped by the registry's own concurrency limit: each layer in
    /// flight holds one blob download open.
    /// </summary>
    private int ParallelLayersFor(RegistryOptions registry) =>
        Math.Max(1, Math.Min(options.MaxParallelLayers, registry.MaxConcurrency));

    private async ValueTask SaveOutcomeAsync(
        AnalysisLayerRow row, LayerReadOutcome outcome, RunState run, AnalysisProgress progress,
        CancellationToken cancellationToken)
    {
        if (outcome.Index is { } index)
        {
            var record = new LayerAnalysisRecord(row.BlobId, LayerAnalysisRecord.Analysed, index, null, null);
            await store.SaveLayerAsync(
                record, LayerCategories.Of(index), run.RunId, timeProvider.GetUtcNow(), cancellationToken);
            run.LayerAnalysed();
        }
        else if (outcome.Rejection is { } rejection)
        {
            await RejectAsync(run, row, rejection.Reason.ToString(), rejection.Message, cancellationToken);
        }
        else
        {
            Log.LayerDownloadFailed(logger, row.BlobDigest, run.Registry, outcome.Failure);
            run.LayerDownloadFailed();
        }

        run.AddBytesRead(outcome.BytesRead);
        progress.LayerDone(outcome.BytesRead);
    }

    private async Task RejectAsync(
        RunState run, AnalysisLayerRow row, string reason, string message, CancellationToken cancellationToken)
    {
        Log.LayerRejected(logger, row.BlobDigest, run.Registry, reason, message);
        var record = new LayerAnalysisRecord(row.BlobId, LayerAnalysisRecord.Rejected, null, reason, message);
        await store.SaveLayerAsync(record, [], run.RunId, timeProvider.GetUtcNow(), cancellationToken);
        run.LayerRejected();
    }
}
