using System.Diagnostics;
using Microsoft.Extensions.Options;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Core.Layers;
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
/// Up to <see cref="AnalysisOptions.MaxParallelLayers"/> layers are read at once (never more than the registry's
/// <c>MaxConcurrency</c>), each streamed, never buffered. The plan is made before any read, so the budget and the
/// set of layers read do not depend on the degree of parallelism; neither do the stored rows. A blob the reader
/// refuses (broken, hostile, wrong digest) is stored as rejected and never downloaded again; a download that fails
/// for network or registry reasons is only logged and counted as rejected in the run, so the next run retries it.
/// Pulls are not yet in the inventory, so images are ranked by size alone (pulls count as one).
/// </remarks>
public sealed partial class LayerAnalysisRunner
{
    private readonly AnalysisStore store;
    private readonly ImageAnalysisWriter imageWriter;
    private readonly ParallelLayerReader reader;
    private readonly IEnumerable<IRegistryProviderFactory> providerFactories;
    private readonly AnalysisOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<LayerAnalysisRunner> logger;

    public LayerAnalysisRunner(
        AnalysisStore store,
        ImageAnalysisWriter imageWriter,
        ParallelLayerReader reader,
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
                await ReadLayersAsync(registry, rows, plan.LayersToRead, run, progress, cancellationToken);
                await AnalyseImagesAsync(registryId.Value, plan.ImagesSkipped, run, progress, cancellationToken);
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
