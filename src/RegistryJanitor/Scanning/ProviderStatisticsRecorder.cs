using Microsoft.Extensions.Logging;
using RegistryJanitor.Core.Providers;
using RegistryJanitor.Registries.Cloud;
using RegistryJanitor.Storage.ProviderFacts;

namespace RegistryJanitor.Scanning;

/// <summary>
/// After a scan of a cloud registry, stores what only the provider knows: billed storage and the daily pull
/// counts of its metrics (the last <see cref="IProviderStatisticsSource.PullMetricDays"/> days, today included
/// so far). A figure the identity may not read is logged as unavailable; any other failure is a scan error.
/// </summary>
public sealed class ProviderStatisticsRecorder
{
    private readonly ProviderStatisticsStore store;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<ProviderStatisticsRecorder> logger;

    public ProviderStatisticsRecorder(
        ProviderStatisticsStore store, TimeProvider timeProvider, ILogger<ProviderStatisticsRecorder> logger)
    {
        this.store = store;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    internal async Task RecordAsync(
        IRegistryProvider provider, IReadOnlyList<string> repositories, ScanErrorSink errors,
        CancellationToken cancellationToken)
    {
        if (provider is not IProviderStatisticsSource source)
        {
            return;
        }

        try
        {
            var now = timeProvider.GetUtcNow();
            var billed = await source.GetBilledStorageBytesAsync(cancellationToken);
            if (billed.Available)
            {
                await store.RecordBilledStorageAsync(provider.Name, billed.Source, billed.Value, now,
                    cancellationToken);
            }
            else
            {
                Log.ProviderStatisticUnavailable(logger, provider.Name, billed.Source, billed.UnavailableReason);
            }

            var endDay = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);
            var pulls = await source.GetDailyPullCountsAsync(
                repositories, endDay.AddDays(-source.PullMetricDays), endDay, cancellationToken);
            if (pulls is { Available: true, Value: { } counts })
            {
                await store.RecordPullCountsAsync(
                    provider.Name, counts.Select(c => (c.Repository, c.Day, c.Pulls)).ToList(), now,
                    cancellationToken);
                Log.ProviderPullsRecorded(logger, provider.Name, counts.Count, pulls.Source);
            }
            else
            {
                Log.ProviderStatisticUnavailable(logger, provider.Name, pulls.Source, pulls.UnavailableReason);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException
            || !cancellationToken.IsCancellationRequested)
        {
            await errors.RecordAsync(null, "provider-statistics", exception, cancellationToken);
        }
    }
}
