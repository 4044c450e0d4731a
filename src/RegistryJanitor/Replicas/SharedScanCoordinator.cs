using System.Globalization;
using Microsoft.Extensions.Options;
using Quartz;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Scanning;
using RegistryJanitor.Storage.Inventory;
using RegistryJanitor.Storage.Replicas;

namespace RegistryJanitor.Replicas;

/// <summary>
/// Starts a scan that every replica takes part in: opens the <c>scan_runs</c> row, lists the repositories, stores
/// them as batches and schedules one recoverable Quartz job per batch on the clustered store, so whichever
/// replica has a free worker thread takes the next batch. The replica finishing the last batch closes the run.
/// </summary>
/// <remarks>
/// Batches and their jobs are written in two steps (our tables, then Quartz's): a replica killed between them
/// leaves a run that stays open with batches nobody runs, until <see cref="ReplicaOptions.StaleRunAfter"/> lets
/// the next scheduled run start. The layer analysis that follows the scan is split the same way, into batches of
/// layer digests (<see cref="SharedAnalysisCoordinator"/>, <see cref="AnalysisBatchJob"/>).
/// </remarks>
public sealed class SharedScanCoordinator
{
    private readonly RegistryScanner scanner;
    private readonly InventoryReader reader;
    private readonly ScanRunStore runs;
    private readonly ScanBatchStore batches;
    private readonly IOptions<ReplicaOptions> options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<SharedScanCoordinator> logger;

    public SharedScanCoordinator(
        RegistryScanner scanner,
        InventoryReader reader,
        ScanRunStore runs,
        ScanBatchStore batches,
        IOptions<ReplicaOptions> options,
        TimeProvider timeProvider,
        ILogger<SharedScanCoordinator> logger)
    {
        this.scanner = scanner;
        this.reader = reader;
        this.runs = runs;
        this.batches = batches;
        this.options = options;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>True when scheduled scans are split into work items (<c>Replicas:BatchSize</c> above 0).</summary>
    public bool Enabled => options.Value.BatchSize > 0;

    /// <summary>Opens a shared run of <paramref name="registry"/>, schedules its batches; returns its id.</summary>
    public async Task<long?> StartAsync(
        RegistryOptions registry, IScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(scheduler);
        var url = registry.Url ?? throw new ArgumentException($"Registry '{registry.Name}' has no Url.",
            nameof(registry));
        var now = timeProvider.GetUtcNow();
        var registryId = await reader.EnsureRegistryAsync(
            registry.Name, registry.Provider.ToString(), url, now, cancellationToken);
        var active = await batches.FindActiveRunAsync(registryId, now - options.Value.StaleRunAfter,
            cancellationToken);
        if (active is { } activeRun)
        {
            Log.RunStillActive(logger, registry.Name, activeRun);
            return null;
        }

        var runId = await runs.StartAsync(registryId, now, cancellationToken);
        var errors = new ScanErrorSink(runs, runId, registry.Name, timeProvider, logger);
        RepositoryListing listing;
        try
        {
            var provider = scanner.CreateProvider(registry);
            await provider.CheckAccessAsync(cancellationToken);
            listing = await RegistryScanner.ListRepositoriesAsync(provider, registry, errors, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await errors.RecordAsync(null, null, exception, CancellationToken.None);
            await runs.FinishAsync(runId, registryId, ScanStatus.Failed, new ScanRunCounts(0, 0, 0, 0, 0, 0, 0, 0, 0),
                $"{exception.GetType().Name}: {exception.Message}", timeProvider.GetUtcNow(), CancellationToken.None);
            throw;
        }

        if (listing.Complete && registry.Repositories.Count == 0)
        {
            await reader.MarkMissingRepositoriesAsync(registryId, listing.All, timeProvider.GetUtcNow(),
                cancellationToken);
        }

        var split = listing.Selected.Chunk(options.Value.BatchSize).Select(chunk => (IReadOnlyList<string>)chunk)
            .ToList();
        await batches.CreateBatchesAsync(runId, listing.Selected.Count, split, cancellationToken);
        Log.BatchesEnqueued(logger, runId, registry.Name, listing.Selected.Count, split.Count);
        if (split.Count == 0)
        {
            await batches.CloseEmptyRunAsync(runId, timeProvider.GetUtcNow(), cancellationToken);
            return runId;
        }

        var jobs = Enumerable.Range(0, split.Count).ToDictionary(
            batchNo => CreateBatchJob(registry.Name, runId, batchNo),
            batchNo => (IReadOnlyCollection<ITrigger>)[CreateBatchTrigger(registry.Name, runId, batchNo)]);
        await scheduler.ScheduleJobs(jobs, new ScheduleJobOptions(), cancellationToken);
        return runId;
    }

    // Recoverable: when the replica running it dies, the cluster's check-in notices and another replica runs it again.
    private static IJobDetail CreateBatchJob(string registry, long runId, int batchNo) =>
        JobBuilder.Create<ScanBatchJob>()
            .WithIdentity(ScanBatchKeys.For(registry, runId, batchNo))
            .WithDescription($"Work item {batchNo} of scan run {runId} of registry {registry}")
            .RequestRecovery()
            .UsingJobData(ScanBatchKeys.Registry, registry)
            .UsingJobData(ScanBatchKeys.RunId, runId.ToString(CultureInfo.InvariantCulture))
            .UsingJobData(ScanBatchKeys.BatchNo, batchNo.ToString(CultureInfo.InvariantCulture))
            .Build();

    // The repeat only matters after a release or a failure: the job deletes itself once the batch is done.
    private ITrigger CreateBatchTrigger(string registry, long runId, int batchNo)
    {
        var key = ScanBatchKeys.For(registry, runId, batchNo);
        return TriggerBuilder.Create()
            .WithIdentity(key.Name, key.Group)
            .StartNow()
            .WithSimpleSchedule(schedule => schedule
                .WithInterval(options.Value.RetryInterval)
                .RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount))
            .Build();
    }
}
