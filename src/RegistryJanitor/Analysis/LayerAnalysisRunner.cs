using System.Diagnostics;
using Microsoft.Extensions.Options;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Core.Layers;
using RegistryJanitor.Core.Model;
using RegistryJanitor.Core.Providers;
using RegistryJanitor.Registries.Layers;
using RegistryJanitor.Storage.Analysis;

namespace RegistryJanitor.Analysis;

/// <summary>
/// One analysis run of one registry: plans the budget over the inventory's image manifests, streams each new layer
/// blob through <see cref="LayerStreamReader"/> once ever, stores the index, then computes every image whose layers
/// are all read.
/// </summary>
/// <remarks>
/// Layers are read one at a time. A blob the reader refuses (broken, hostile, wrong digest) is stored as rejected
/// and never downloaded again; a download that fails for network or registry reasons is only logged and counted as
/// rejected in the run, so the next run retries it. Pulls are not yet in the inventory, so images are ranked by
/// size alone (pulls count as one).
/// </remarks>
public sealed partial class LayerAnalysisRunner
{
    private readonly AnalysisStore store;
    private readonly ImageAnalysisWriter imageWriter;
    private readonly LayerStreamReader reader;
    private readonly IEnumerable<IRegistryProviderFactory> providerFactories;
    private readonly AnalysisOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<LayerAnalysisRunner> logger;

    public LayerAnalysisRunner(
        AnalysisStore store,
        ImageAnalysisWriter imageWriter,
        LayerStreamReader reader,
        IEnumerable<IRegistryProviderFactory> providerFactories,
        IOptions<AnalysisOptions> options,
        TimeProvider timeProvider,
        ILogger<LayerAnalysisRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.store = store;
        this.imageWriter = imageWriter;
        this.reader = reader;
        this.providerFactories = providerFactories;
        this.options = options.Value;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>Analyses <paramref name="registry"/> within <paramref name="budgetBytes"/> compressed bytes.</summary>
    public async Task<AnalysisSummary> RunAsync(
        RegistryOptions registry, long budgetBytes, Action<AnalysisProgress>? onProgress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var started = Stopwatch.GetTimestamp();
        var empty = new AnalysisRunCounts(0, 0, 0, 0, 0, 0, 0);
        var registryId = await store.FindRegistryIdAsync(registry.Name, cancellationToken);
        if (registryId is null)
        {
            return new AnalysisSummary(registry.Name, 0, AnalysisSummary.Failed, budgetBytes, empty,
                "the registry has not been scanned yet", Stopwatch.GetElapsedTime(started));
        }

        var runId = await store.StartRunAsync(
            registryId.Value, budgetBytes, timeProvider.GetUtcNow(), cancellationToken);
        var run = new RunState(registry.Name, runId);
        try
        {
            var rows = await store.LoadCandidateLayersAsync(registryId.Value, cancellationToken);
            var plan = Plan(rows, budgetBytes);
            run.PlannedBytes = plan.PlannedBytes;
            var progress = new AnalysisProgress(registry.Name, plan.LayersToRead.Count);
            Log.RunStarted(logger, registry.Name, runId, plan.LayersToRead.Count, plan.PlannedBytes, budgetBytes);
            using (timeProvider.CreateTimer(
                _ => Report(progress, onProgress), null, options.ProgressInterval, options.ProgressInterval))
            {
                await SkipUndownloadableAsync(rows, run, cancellationToken);
                await ReadLayersAsync(registry, rows, plan, run, progress, cancellationToken);
                await AnalyseImagesAsync(registryId.Value, plan, run, progress, cancellationToken);
            }

            Report(progress, onProgress);
            var status = run.LayersRejected > 0 || run.SkippedImages.Count > 0
                ? AnalysisSummary.Partial
                : AnalysisSummary.Succeeded;
            return await FinishAsync(run, status, null, budgetBytes, started);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.RunFailed(logger, registry.Name, exception);
            return await FinishAsync(run, AnalysisSummary.Failed, exception.Message, budgetBytes, started);
        }
        catch (OperationCanceledException)
        {
            await FinishAsync(run, AnalysisSummary.Failed, "cancelled", budgetBytes, started);
            throw;
        }
    }

    private static AnalysisPlan Plan(IReadOnlyList<AnalysisLayerRow> rows, long budgetBytes)
    {
        var candidates = rows
            .GroupBy(row => row.ManifestId)
            .Where(image => !image.First().ImageAnalysed)
            .Select(image => new AnalysisCandidate(
                image.First().ManifestDigest,
                image.First().ImageBytes,
                1,
                [.. image.Select(row => new LayerBlobRef(row.BlobDigest, row.BlobSize, row.MediaType))]))
            .ToList();
        var known = rows.Where(row => row.LayerStatus is not null)
            .Select(row => row.BlobDigest)
            .ToHashSet(StringComparer.Ordinal);
        return AnalysisBudgetPlanner.Plan(candidates, known, budgetBytes);
    }

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
            run.LayersSkipped++;
        }
    }

    private async Task ReadLayersAsync(
        RegistryOptions registry, IReadOnlyList<AnalysisLayerRow> rows, AnalysisPlan plan, RunState run,
        AnalysisProgress progress, CancellationToken cancellationToken)
    {
        if (plan.LayersToRead.Count == 0)
        {
            return;
        }

        var byDigest = rows
            .GroupBy(row => row.BlobDigest, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        var provider = CreateProvider(registry);
        foreach (var layer in plan.LayersToRead)
        {
            var row = byDigest[layer.Digest];
            var bytes = await ReadLayerAsync(provider, registry.Name, row, run, cancellationToken);
            run.BytesRead += bytes;
            progress.LayerDone(bytes);
        }
    }

    private async Task<long> ReadLayerAsync(
        IRegistryProvider provider, string registry, AnalysisLayerRow row, RunState run,
        CancellationToken cancellationToken)
    {
        if (!Digest.TryParse(row.BlobDigest, out var digest))
        {
            await RejectAsync(registry, row, "UnsupportedDigest", "The digest algorithm is not supported.", run,
                cancellationToken);
            return 0;
        }

        CountingReadStream? counted = null;
        try
        {
            counted = new CountingReadStream(await provider.OpenBlobAsync(row.Repository, digest, cancellationToken));
            var index = await reader.ReadAsync(counted, digest, row.BlobSize, row.MediaType, cancellationToken);
            var record = new LayerAnalysisRecord(row.BlobId, LayerAnalysisRecord.Analysed, index, null, null);
            await store.SaveLayerAsync(
                record, LayerCategories.Of(index), run.RunId, timeProvider.GetUtcNow(), cancellationToken);
            run.LayersAnalysed++;
        }
        catch (LayerRejectedException exception)
        {
            await RejectAsync(registry, row, exception.Reason.ToString(), exception.Message, run, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException
            || !cancellationToken.IsCancellationRequested)
        {
            Log.LayerDownloadFailed(logger, row.BlobDigest, registry, exception);
            run.LayersRejected++;
        }
        finally
        {
            if (counted is not null)
            {
                await counted.DisposeAsync();
            }
        }

        return counted?.BytesRead ?? 0;
    }

    private async Task RejectAsync(
        string registry, AnalysisLayerRow row, string reason, string message, RunState run,
        CancellationToken cancellationToken)
    {
        Log.LayerRejected(logger, row.BlobDigest, registry, reason, message);
        var record = new LayerAnalysisRecord(row.BlobId, LayerAnalysisRecord.Rejected, null, reason, message);
        await store.SaveLayerAsync(record, [], run.RunId, timeProvider.GetUtcNow(), cancellationToken);
        run.LayersRejected++;
    }

    private IRegistryProvider CreateProvider(RegistryOptions registry)
    {
        var factory = providerFactories.FirstOrDefault(f => f.Provider == registry.Provider)
            ?? throw new InvalidOperationException(
                $"Registry '{registry.Name}': no provider is installed for '{registry.Provider}'.");
        return factory.Create(registry);
    }

    private void Report(AnalysisProgress progress, Action<AnalysisProgress>? onProgress)
    {
        Log.Progress(logger, progress);
        onProgress?.Invoke(progress);
    }

    private async Task<AnalysisSummary> FinishAsync(
        RunState run, string status, string? error, long budgetBytes, long started)
    {
        var counts = run.ToCounts();
        await store.SaveSkippedImagesAsync(run.RunId, run.SkippedImages, CancellationToken.None);
        await store.FinishRunAsync(run.RunId, status, counts, error, timeProvider.GetUtcNow(), CancellationToken.None);
        var summary = new AnalysisSummary(
            run.Registry, run.RunId, status, budgetBytes, counts, error, Stopwatch.GetElapsedTime(started));
        Log.RunFinished(logger, summary);
        return summary;
    }
}
