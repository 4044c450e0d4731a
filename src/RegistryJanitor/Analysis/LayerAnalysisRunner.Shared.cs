using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Core.Layers;
using RegistryJanitor.Storage.Analysis;
using RegistryJanitor.Storage.Replicas;

namespace RegistryJanitor.Analysis;

/// <summary>
/// The steps of an analysis run shared by replicas, each the code of the single-process run: the plan (on the
/// replica that starts the run), the layer reads of one batch (on whichever replica takes it) and the per-image
/// step (on the replica that finished the last batch).
/// </summary>
public sealed partial class LayerAnalysisRunner
{
    /// <summary>
    /// Plans run <paramref name="runId"/> as <see cref="RunAsync"/> does and stores its foreign and
    /// non-distributable layers as skipped; returns the layer digests to read.
    /// </summary>
    public async Task<SharedAnalysisPlan> PlanSharedRunAsync(
        string registry, int registryId, long runId, long budgetBytes, CancellationToken cancellationToken)
    {
        var rows = await store.LoadCandidateLayersAsync(registryId, cancellationToken);
        var plan = Plan(rows, budgetBytes);
        Log.RunStarted(logger, registry, runId, plan.LayersToRead.Count, plan.PlannedBytes, budgetBytes);

        await SkipUndownloadableAsync(rows, new RunState(registry, runId), cancellationToken);
        return new SharedAnalysisPlan(
            [.. plan.LayersToRead.Select(layer => layer.Digest)], plan.PlannedBytes, plan.ImagesSkipped);
    }

    /// <summary>
    /// Reads the layers among <paramref name="digests"/> that have no stored outcome yet (an earlier attempt at the
    /// batch may have stored some) and stores each outcome under run <paramref name="runId"/>.
    /// </summary>
    public async Task<AnalysisBatchOutcome> AnalyseBatchAsync(
        RegistryOptions registry, int registryId, long runId, IReadOnlyCollection<string> digests,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var rows = await store.LoadLayersAsync(registryId, digests, cancellationToken);
        var toRead = rows
            .Where(row => row.LayerStatus is null)
            .Select(row => new LayerBlobRef(row.BlobDigest, row.BlobSize, row.MediaType))
            .ToList();

        var run = new RunState(registry.Name, runId);
        await ReadLayersAsync(registry, rows, toRead, run, new AnalysisProgress(registry.Name, toRead.Count),
            cancellationToken);
        var stored = run.LayersAnalysed + run.LayersRejected - run.DownloadFailures;
        return new AnalysisBatchOutcome(stored, run.BytesRead, run.DownloadFailures);
    }

    /// <summary>
    /// The per-image step of a shared run whose batches are all finished, then closes the run with the layer
    /// figures summed over its batches. Images already analysed are passed over, so a repeat after a replica died
    /// here only does what is left.
    /// </summary>
    public async Task<AnalysisSummary> CloseSharedRunAsync(
        string registry, int registryId, long runId, IReadOnlyCollection<string> imagesOverBudget,
        AnalysisRunTotals totals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var run = new RunState(registry, runId);
        try
        {
            await AnalyseImagesAsync(registryId, imagesOverBudget, run, new AnalysisProgress(registry, 0),
                cancellationToken);
            var status = totals.LayersRejected + totals.DownloadFailures > 0 || run.SkippedImages.Count > 0
                ? AnalysisSummary.Partial
                : AnalysisSummary.Succeeded;
            return await FinishSharedAsync(run, totals, status, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.RunFailed(logger, registry, exception);
            return await FinishSharedAsync(run, totals, AnalysisSummary.Failed, exception.Message);
        }
    }

    private async Task<AnalysisSummary> FinishSharedAsync(
        RunState run, AnalysisRunTotals totals, string status, string? error)
    {
        var counts = new AnalysisRunCounts(
            totals.PlannedBytes,
            totals.BytesRead,
            totals.LayersAnalysed,
            totals.LayersRejected + totals.DownloadFailures,
            totals.LayersSkipped,
            run.ImagesAnalysed,
            run.SkippedImages.Count);
        var now = timeProvider.GetUtcNow();
        await store.SaveSkippedImagesAsync(run.RunId, run.SkippedImages, CancellationToken.None);
        await store.FinishRunAsync(run.RunId, status, counts, error, now, CancellationToken.None);
        var started = new DateTimeOffset(DateTime.SpecifyKind(totals.StartedAt, DateTimeKind.Utc));
        var summary = new AnalysisSummary(
            run.Registry, run.RunId, status, totals.BudgetBytes, counts, error, now - started);
        Log.RunFinished(logger, summary);
        return summary;
    }
}
