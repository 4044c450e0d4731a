using System.Globalization;
using Microsoft.Extensions.Options;
using Quartz;
using RegistryJanitor.Analysis;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Storage.Analysis;
using RegistryJanitor.Storage.Replicas;

namespace RegistryJanitor.Replicas;

/// <summary>
/// Starts a layer analysis that every replica takes part in: opens the <c>analysis_runs</c> row, plans it as a
/// single process would, stores the layer digests to read as batches and schedules one recoverable Quartz job
/// (<see cref="AnalysisBatchJob"/>) per batch on the clustered store. The replica finishing the last batch runs the
/// per-image step and closes the run.
/// </summary>
/// <remarks>
/// As with shared scans, batches and their jobs are written in two steps (our tables, then Quartz's): a replica
/// killed between them leaves a run that stays open with batches nobody runs, until
/// <see cref="ReplicaOptions.StaleRunAfter"/> lets the next analysis of the registry start. The layers it did not
/// read are planned again then, since layer results are stored by digest once ever.
/// </remarks>
public sealed class SharedAnalysisCoordinator
{
    private readonly LayerAnalysisRunner runner;
    private readonly AnalysisStore store;
    private readonly AnalysisBatchStore batches;
    private readonly IOptions<ReplicaOptions> options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<SharedAnalysisCoordinator> logger;

    public SharedAnalysisCoordinator(
        LayerAnalysisRunner runner,
        AnalysisStore store,
        AnalysisBatchStore batches,
        IOptions<ReplicaOptions> options,
        TimeProvider timeProvider,
        ILogger<SharedAnalysisCoordinator> logger)
    {
        this.runner = runner;
        this.store = store;
        this.batches = batches;
        this.options = options;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>
    /// True when scheduled analyses are split into work items: <c>Replicas:BatchSize</c> and
    /// <c>Replicas:LayerBatchSize</c> both above 0.
    /// </summary>
    public bool Enabled => options.Value.BatchSize > 0 && options.Value.LayerBatchSize > 0;

    /// <summary>
    /// Opens a shared analysis run of <paramref name="registry"/> and schedules its batches. Returns the run's
    /// summary when this call also closed it (nothing to read, or a failure), else null: the run is left to its
    /// work items, or another shared run of the registry is still in progress.
    /// </summary>
    public async Task<AnalysisSummary?> StartAsync(
        RegistryOptions registry, long budgetBytes, IScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(scheduler);
        var now = timeProvider.GetUtcNow();
        var registryId = await store.FindRegistryIdAsync(registry.Name, cancellationToken);
        if (registryId is null)
        {
            return new AnalysisSummary(registry.Name, 0, AnalysisSummary.Failed, budgetBytes,
                new AnalysisRunCounts(0, 0, 0, 0, 0, 0, 0), "the registry has not been scanned yet", TimeSpan.Zero);
        }

        var active = await batches.FindActiveRunAsync(registryId.Value, now - options.Value.StaleRunAfter,
            cancellationToken);
        if (active is { } activeRun)
        {
            Log.AnalysisRunStillActive(logger, registry.Name, activeRun);
            return null;
        }

        var runId = await store.StartRunAsync(registryId.Value, budgetBytes, now, cancellationToken);
        SharedAnalysisPlan plan;
        List<IReadOnlyList<string>> split;
        try
        {
            plan = await runner.PlanSharedRunAsync(registry.Name, registryId.Value, runId, budgetBytes,
                cancellationToken);
            split = [.. plan.LayerDigests.Chunk(options.Value.LayerBatchSize)];
            await batches.CreateBatchesAsync(runId, plan.PlannedBytes, [.. plan.ImagesOverBudget], split,
                cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.AnalysisPlanFailed(logger, registry.Name, runId, exception);
            return await FailAsync(registry.Name, runId, budgetBytes, exception.Message);
        }
        catch (OperationCanceledException)
        {
            await FailAsync(registry.Name, runId, budgetBytes, "cancelled");
            throw;
        }

        Log.AnalysisBatchesEnqueued(logger, runId, registry.Name, plan.LayerDigests.Count, split.Count);
        if (split.Count == 0)
        {
            return await CloseWithoutBatchesAsync(registry.Name, registryId.Value, runId, budgetBytes, plan,
                cancellationToken);
        }

        var jobs = Enumerable.Range(0, split.Count).ToDictionary(
            batchNo => CreateBatchJob(registry.Name, runId, batchNo),
            batchNo => (IReadOnlyCollection<ITrigger>)[CreateBatchTrigger(registry.Name, runId, batchNo)]);
        await scheduler.ScheduleJobs(jobs, new ScheduleJobOptions(), cancellationToken);
        return null;
    }

    // Recoverable: when the replica running it dies, the cluster's check-in notices and another replica runs it again.
    private static IJobDetail CreateBatchJob(string registry, long runId, int batchNo) =>
        JobBuilder.Create<AnalysisBatchJob>()
            .WithIdentity(AnalysisBatchKeys.For(registry, runId, batchNo))
            .WithDescription($"Work item {batchNo} of analysis run {runId} of registry {registry}")
            .RequestRecovery()
            .UsingJobData(AnalysisBatchKeys.Registry, registry)
            .UsingJobData(AnalysisBatchKeys.RunId, runId.ToString(CultureInfo.InvariantCulture))
            .UsingJobData(AnalysisBatchKeys.BatchNo, batchNo.ToString(CultureInfo.InvariantCulture))
            .Build();

    // The repeat only matters after a release or a failure: the job deletes itself once the batch is done.
    private ITrigger CreateBatchTrigger(string registry, long runId, int batchNo)
    {
        var key = AnalysisBatchKeys.For(registry, runId, batchNo);
        return TriggerBuilder.Create()
            .WithIdentity(key.Name, key.Group)
            .StartNow()
            .WithSimpleSchedule(schedule => schedule
                .WithInterval(options.Value.RetryInterval)
                .RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount))
            .Build();
    }

    // Nothing to read: the per-image step runs here. Cancelled, the run is closed as failed rather than left open,
    // since an open run would hold off the registry's next analyses until it counts as stale.
    private async Task<AnalysisSummary> CloseWithoutBatchesAsync(
        string registry, int registryId, long runId, long budgetBytes, SharedAnalysisPlan plan,
        CancellationToken cancellationToken)
    {
        try
        {
            var totals = await batches.LoadTotalsAsync(runId, cancellationToken);
            return await runner.CloseSharedRunAsync(registry, registryId, runId, plan.ImagesOverBudget, totals,
                cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await FailAsync(registry, runId, budgetBytes, "cancelled");
            throw;
        }
    }

    private async Task<AnalysisSummary> FailAsync(string registry, long runId, long budgetBytes, string error)
    {
        var counts = new AnalysisRunCounts(0, 0, 0, 0, 0, 0, 0);
        await store.FinishRunAsync(runId, AnalysisSummary.Failed, counts, error, timeProvider.GetUtcNow(),
            CancellationToken.None);
        return new AnalysisSummary(registry, runId, AnalysisSummary.Failed, budgetBytes, counts, error,
            TimeSpan.Zero);
    }
}
