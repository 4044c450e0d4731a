using System.Globalization;
using Microsoft.Extensions.Options;
using Quartz;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Registries.Http;
using RegistryJanitor.Scanning;
using RegistryJanitor.Storage.Inventory;
using RegistryJanitor.Storage.Replicas;

namespace RegistryJanitor.Replicas;

/// <summary>
/// One work item of a shared scan: scans and writes the repositories of one batch (each in its own transaction),
/// records each in <c>scan_run_repositories</c>, then counts the batch down; the last batch closes the run.
/// </summary>
/// <remarks>
/// A re-run of the batch (after a replica died or released it) skips the repositories already recorded; a
/// repository whose commit landed but whose record did not is scanned again, which rewrites the same rows (the
/// writes are upserts) and counts a second attempt. The run's request count adds this replica's request counter
/// over the batch, which also counts requests of other batches running on the same replica at the same time.
/// </remarks>
[DisallowConcurrentExecution]
public sealed class ScanBatchJob : IJob
{
    private readonly RegistryScanner scanner;
    private readonly ScanRegistries registries;
    private readonly InventoryReader reader;
    private readonly InventoryWriter writer;
    private readonly ScanRunStore runs;
    private readonly ScanBatchStore batches;
    private readonly ChangeFeedGate changeFeed;
    private readonly RegistryRequestCounter requestCounter;
    private readonly IOptions<ScannerOptions> scannerOptions;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<ScanBatchJob> logger;

    public ScanBatchJob(
        RegistryScanner scanner,
        ScanRegistries registries,
        InventoryReader reader,
        InventoryWriter writer,
        ScanRunStore runs,
        ScanBatchStore batches,
        ChangeFeedGate changeFeed,
        RegistryRequestCounter requestCounter,
        IOptions<ScannerOptions> scannerOptions,
        TimeProvider timeProvider,
        ILogger<ScanBatchJob> logger)
    {
        this.scanner = scanner;
        this.registries = registries;
        this.reader = reader;
        this.writer = writer;
        this.runs = runs;
        this.batches = batches;
        this.changeFeed = changeFeed;
        this.requestCounter = requestCounter;
        this.scannerOptions = scannerOptions;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        var name = data.GetString(ScanBatchKeys.Registry) ?? string.Empty;
        var runId = long.Parse(data.GetString(ScanBatchKeys.RunId) ?? "0", CultureInfo.InvariantCulture);
        var batchNo = int.Parse(data.GetString(ScanBatchKeys.BatchNo) ?? "0", CultureInfo.InvariantCulture);
        var registry = registries.Find(name);
        if (registry?.Url is null)
        {
            // Another replica with this registry configured takes the item on the next repeat.
            Log.BatchRegistryUnknown(logger, batchNo, runId, name);
            return;
        }

        var batch = await batches.LoadBatchAsync(runId, batchNo, cancellationToken);
        if (batch is null || batch.Finished)
        {
            Log.BatchAlreadyDone(logger, batchNo, runId);
            await context.Scheduler.DeleteJob(context.JobDetail.Key, CancellationToken.None);
            return;
        }

        var instance = context.Scheduler.SchedulerInstanceId;
        var requestsBefore = requestCounter.Get(registry.Url.Authority);
        var pending = batch.Repositories.Where(repository => !batch.Recorded.Contains(repository)).ToList();
        var errors = new ScanErrorSink(runs, runId, registry.Name, timeProvider, logger);
        var repositoryScanner = new RepositoryScanner(scanner.CreateProvider(registry), reader, errors,
            registry.MaxConfigBytes, registry.MaxConcurrency, logger);
        var configured = scannerOptions.Value.RepositoryConcurrency;
        var unchanged = await changeFeed.FindUnchangedAsync(registry, batch.RegistryId, pending, cancellationToken);
        var scanned = 0;
        try
        {
            await Parallel.ForEachAsync(
                pending,
                new ParallelOptions
                {
                    MaxDegreeOfParallelism = configured > 0 ? configured : registry.MaxConcurrency,
                    CancellationToken = cancellationToken,
                },
                async (repository, token) =>
                {
                    var record = unchanged.Contains(repository)
                        ? new RepositoryRecord(repository, false, 0, 0, 0, 0, 0, Unchanged: true)
                        : await ScanRepositoryAsync(repositoryScanner, registry, batch.RegistryId, runId, repository,
                            errors, token);
                    await batches.RecordRepositoryAsync(runId, record, instance, timeProvider.GetUtcNow(), token);
                    Interlocked.Increment(ref scanned);
                });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: what is committed stays; the trigger offers the rest again to any replica.
            Log.BatchReleased(logger, batchNo, runId, scanned);
            return;
        }

        var requests = (int)(requestCounter.Get(registry.Url.Authority) - requestsBefore);
        var closed = await batches.FinishBatchAsync(runId, batchNo, instance, requests, timeProvider.GetUtcNow(),
            CancellationToken.None);
        Log.BatchFinished(logger, batchNo, runId, scanned);
        if (closed is not null)
        {
            Log.RunClosed(logger, runId, registry.Name, closed);
        }

        await context.Scheduler.DeleteJob(context.JobDetail.Key, CancellationToken.None);
    }

    private async Task<RepositoryRecord> ScanRepositoryAsync(
        RepositoryScanner repositoryScanner, RegistryOptions registry, int registryId, long runId, string repository,
        ScanErrorSink errors, CancellationToken cancellationToken)
    {
        try
        {
            var startedAt = timeProvider.GetUtcNow();
            var outcome = await repositoryScanner.ScanAsync(registryId, repository, cancellationToken);
            var written = await writer.WriteAsync(registryId, runId, outcome.Snapshot, timeProvider.GetUtcNow(),
                cancellationToken);
            await changeFeed.RecordFullScanAsync(registry, registryId, repository, startedAt, outcome,
                cancellationToken);
            return new RepositoryRecord(repository, false, outcome.Tags, written.ManifestsInserted,
                outcome.ManifestsKnown, written.BlobsInserted, written.BytesInserted);
        }
        catch (Exception exception) when (exception is not OperationCanceledException
            || !cancellationToken.IsCancellationRequested)
        {
            await errors.RecordAsync(repository, null, exception, cancellationToken);
            return new RepositoryRecord(repository, true, 0, 0, 0, 0, 0);
        }
    }
}
