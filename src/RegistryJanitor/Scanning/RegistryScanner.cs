using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Core.Providers;
using RegistryJanitor.Core.Scanning;
using RegistryJanitor.Registries.Auth;
using RegistryJanitor.Registries.Http;
using RegistryJanitor.Storage.Inventory;

namespace RegistryJanitor.Scanning;

/// <summary>
/// Runs one scan of one registry: a <c>scan_runs</c> row, the repository listing filtered by the include and
/// exclude patterns, each repository scanned and written in its own transaction, progress and a summary.
/// </summary>
public sealed partial class RegistryScanner
{
    private readonly IEnumerable<IRegistryProviderFactory> providerFactories;
    private readonly InventoryReader reader;
    private readonly InventoryWriter writer;
    private readonly ScanRunStore runs;
    private readonly ProviderStatisticsRecorder statistics;
    private readonly ChangeFeedGate changeFeed;
    private readonly RegistryRequestCounter requestCounter;
    private readonly IOptions<ScannerOptions> options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<RegistryScanner> logger;

    public RegistryScanner(
        IEnumerable<IRegistryProviderFactory> providerFactories,
        InventoryReader reader,
        InventoryWriter writer,
        ScanRunStore runs,
        ProviderStatisticsRecorder statistics,
        ChangeFeedGate changeFeed,
        RegistryRequestCounter requestCounter,
        IOptions<ScannerOptions> options,
        TimeProvider timeProvider,
        ILogger<RegistryScanner> logger)
    {
        this.providerFactories = providerFactories;
        this.reader = reader;
        this.writer = writer;
        this.runs = runs;
        this.statistics = statistics;
        this.changeFeed = changeFeed;
        this.requestCounter = requestCounter;
        this.options = options;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>Scans <paramref name="registry"/> now.</summary>
    /// <param name="registry">The registry configuration.</param>
    /// <param name="onProgress">Called every <see cref="ScannerOptions.ProgressInterval"/> while the scan runs.</param>
    /// <param name="cancellationToken">Stops the scan; repositories already written stay written.</param>
    public async Task<ScanSummary> ScanAsync(
        RegistryOptions registry, Action<ScanProgress>? onProgress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var url = registry.Url ?? throw new ArgumentException($"Registry '{registry.Name}' has no Url.",
            nameof(registry));
        var started = Stopwatch.GetTimestamp();
        var requestsBefore = requestCounter.Get(url.Authority);
        var registryId = await reader.EnsureRegistryAsync(
            registry.Name, registry.Provider.ToString(), url, timeProvider.GetUtcNow(), cancellationToken);
        var runId = await runs.StartAsync(registryId, timeProvider.GetUtcNow(), cancellationToken);
        Log.ScanStarted(logger, registry.Name, runId);
        var errors = new ScanErrorSink(runs, runId, registry.Name, timeProvider, logger);
        var tally = new ScanTally();
        string status;
        string? failure = null;
        try
        {
            var provider = CreateProvider(registry);
            using var ownedProvider = provider as IDisposable;
            await provider.CheckAccessAsync(cancellationToken);
            var listing = await ListRepositoriesAsync(provider, registry, errors, cancellationToken);
            tally.RepositoriesTotal = listing.Selected.Count;
            using (StartProgress(registry.Name, tally, started, onProgress))
            {
                await ScanRepositoriesAsync(provider, registry, registryId, runId, listing.Selected, errors, tally,
                    cancellationToken);
            }

            await statistics.RecordAsync(provider, listing.Selected, errors, cancellationToken);

            if (listing.Complete && registry.Repositories.Count == 0)
            {
                await reader.MarkMissingRepositoriesAsync(registryId, listing.All, timeProvider.GetUtcNow(),
                    cancellationToken);
            }

            status = tally.RepositoriesTotal > 0 && tally.RepositoriesFailed == tally.RepositoriesTotal
                ? ScanStatus.Failed
                : errors.Count > 0 || !listing.Complete ? ScanStatus.Partial : ScanStatus.Succeeded;
            failure = status == ScanStatus.Failed ? "every repository failed; see scan_run_errors" : null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            status = ScanStatus.Failed;
            failure = exception is RegistryAuthenticationException
                ? exception.Message
                : $"{exception.GetType().Name}: {exception.Message}";
            Log.ScanFailed(logger, registry.Name, failure, exception);
            await errors.RecordAsync(null, null, exception, CancellationToken.None);
        }

        var requests = (int)(requestCounter.Get(url.Authority) - requestsBefore);
        var counts = tally.ToCounts(requests);
        await runs.FinishAsync(runId, registryId, status, counts, failure, timeProvider.GetUtcNow(),
            CancellationToken.None);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Log.ScanFinished(
            logger, registry.Name, status, elapsed.TotalSeconds, counts.RepositoriesTotal, counts.RepositoriesFailed,
            counts.TagsSeen, counts.ManifestsNew, counts.ManifestsKnown, counts.BlobsNew, counts.BytesNew,
            counts.Requests, errors.Count);
        return new ScanSummary(registry.Name, runId, status, counts, errors.Count, failure, elapsed);
    }

    internal IRegistryProvider CreateProvider(RegistryOptions registry)
    {
        var factory = providerFactories.FirstOrDefault(f => f.Provider == registry.Provider)
            ?? throw new InvalidOperationException(
                $"Registry '{registry.Name}': no provider is installed for '{registry.Provider}'.");
        return factory.Create(registry);
    }

    internal static async Task<RepositoryListing> ListRepositoriesAsync(
        IRegistryProvider provider, RegistryOptions registry, ScanErrorSink errors, CancellationToken cancellationToken)
    {
        var all = new List<string>();
        var complete = true;
        try
        {
            await foreach (var name in provider.ListRepositoriesAsync(cancellationToken))
            {
                all.Add(name);
            }
        }
        catch (Registries.RegistryClientException exception) when (all.Count > 0)
        {
            // A listing that breaks midway (e.g. a pagination loop) still yields the repositories read so far.
            complete = false;
            await errors.RecordAsync(null, "_catalog", exception, cancellationToken);
        }

        var filter = new RepositoryFilter(registry.Include, registry.Exclude);
        var selected = all.Distinct(StringComparer.Ordinal)
            .Where(filter.Matches)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new RepositoryListing(all, selected, complete);
    }

    private IDisposable StartProgress(string registry, ScanTally tally, long started, Action<ScanProgress>? onProgress)
    {
        var interval = options.Value.ProgressInterval;
        return timeProvider.CreateTimer(
            _ =>
            {
                var progress = new ScanProgress(
                    registry, tally.RepositoriesDone, tally.RepositoriesTotal, Stopwatch.GetElapsedTime(started));
                if (onProgress is null)
                {
                    Log.Progress(logger, progress);
                }
                else
                {
                    onProgress(progress);
                }
            },
            null,
            interval,
            interval);
    }
}
