using System.Globalization;
using Quartz;
using RegistryJanitor.Analysis;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Scanning;
using RegistryJanitor.Storage.Replicas;

namespace RegistryJanitor.Replicas;

/// <summary>
/// One work item of a shared layer analysis: reads and stores the layers of one batch of digests, then counts the
/// batch down; the job of the last batch runs the per-image step and closes the run. The closing execution sets
/// the run's <see cref="AnalysisSummary"/> as its result, which is what the ranking listener waits for.
/// </summary>
/// <remarks>
/// Layer results are stored by digest once ever, so a re-run of the batch (after a replica died or released it)
/// reads only the layers no attempt stored yet; <c>analysis_batches.finished_at</c> is set once, so the batch is
/// counted down once. A replica that dies in the per-image step leaves the batch finished and the run open: the
/// recovered job of that batch sees it is the closing one and runs the step again, passing over the images
/// already stored. Bytes read and failed downloads of an attempt that died are not counted in the run.
/// </remarks>
[DisallowConcurrentExecution]
public sealed class AnalysisBatchJob : IJob
{
    private readonly LayerAnalysisRunner runner;
    private readonly ScanRegistries registries;
    private readonly AnalysisBatchStore batches;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<AnalysisBatchJob> logger;

    public AnalysisBatchJob(
        LayerAnalysisRunner runner,
        ScanRegistries registries,
        AnalysisBatchStore batches,
        TimeProvider timeProvider,
        ILogger<AnalysisBatchJob> logger)
    {
        this.runner = runner;
        this.registries = registries;
        this.batches = batches;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        var name = data.GetString(AnalysisBatchKeys.Registry) ?? string.Empty;
        var runId = long.Parse(data.GetString(AnalysisBatchKeys.RunId) ?? "0", CultureInfo.InvariantCulture);
        var batchNo = int.Parse(data.GetString(AnalysisBatchKeys.BatchNo) ?? "0", CultureInfo.InvariantCulture);
        var registry = registries.Find(name);
        if (registry is null)
        {
            // Another replica with this registry configured takes the item on the next repeat.
            Log.AnalysisBatchRegistryUnknown(logger, batchNo, runId, name);
            return;
        }

        var batch = await batches.LoadBatchAsync(runId, batchNo, cancellationToken);
        if (batch is null || (batch.Finished && !(batch.ClosesRun && batch.RunOpen)))
        {
            Log.AnalysisBatchAlreadyDone(logger, batchNo, runId);
            await context.Scheduler.DeleteJob(context.JobDetail.Key, CancellationToken.None);
            return;
        }

        if (!batch.Finished && !await AnalyseAsync(context, registry, batch, runId, batchNo, cancellationToken))
        {
            return;
        }

        AnalysisSummary summary;
        try
        {
            var totals = await batches.LoadTotalsAsync(runId, cancellationToken);
            summary = await runner.CloseSharedRunAsync(registry.Name, batch.RegistryId, runId, batch.OverBudget,
                totals, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: the images stored stay; the trigger offers the rest of the step again to any replica.
            Log.AnalysisCloseReleased(logger, runId, batchNo);
            return;
        }

        Log.AnalysisRunClosed(logger, runId, registry.Name, summary.Status);
        if (summary.Status != AnalysisSummary.Failed)
        {
            context.Result = summary;
        }

        await context.Scheduler.DeleteJob(context.JobDetail.Key, CancellationToken.None);
    }

    /// <summary>
    /// Reads the batch's layers and counts it down. True when this finished the run's last batch; false when the
    /// batch was released at shutdown (its job stays) or another batch closes the run (its job is removed).
    /// </summary>
    private async Task<bool> AnalyseAsync(
        IJobExecutionContext context, RegistryOptions registry, AnalysisBatch batch, long runId, int batchNo,
        CancellationToken cancellationToken)
    {
        AnalysisBatchOutcome outcome;
        try
        {
            outcome = await runner.AnalyseBatchAsync(registry, batch.RegistryId, runId, batch.LayerDigests,
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: the layers stored stay; the trigger offers the rest again to any replica.
            Log.AnalysisBatchReleased(logger, batchNo, runId);
            return false;
        }

        var last = await batches.FinishBatchAsync(runId, batchNo, context.Scheduler.SchedulerInstanceId, outcome,
            timeProvider.GetUtcNow(), CancellationToken.None);
        Log.AnalysisBatchFinished(logger, batchNo, runId, outcome.LayersRead, outcome.DownloadFailures);
        if (!last)
        {
            await context.Scheduler.DeleteJob(context.JobDetail.Key, CancellationToken.None);
        }

        return last;
    }
}
