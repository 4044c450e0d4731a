using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Core.Providers;

namespace RegistryJanitor.Scanning;

/// <summary>Scanning and writing the selected repositories concurrently.</summary>
public sealed partial class RegistryScanner
{
    private async Task ScanRepositoriesAsync(
        IRegistryProvider provider, RegistryOptions registry, int registryId, long runId,
        IReadOnlyList<string> repositories, ScanErrorSink errors, ScanTally tally, CancellationToken cancellationToken)
    {
        var configured = options.Value.RepositoryConcurrency;
        var parallelism = configured > 0 ? configured : registry.MaxConcurrency;
        var scanner = new RepositoryScanner(provider, reader, errors, registry.MaxConfigBytes,
            registry.MaxConcurrency, logger);
        var unchanged = await changeFeed.FindUnchangedAsync(registry, registryId, repositories, cancellationToken);
        await Parallel.ForEachAsync(
            repositories,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (repository, token) =>
            {
                if (unchanged.Contains(repository))
                {
                    tally.RepositoryUnchanged();
                    return;
                }

                try
                {
                    var startedAt = timeProvider.GetUtcNow();
                    var outcome = await scanner.ScanAsync(registryId, repository, token);
                    var written = await writer.WriteAsync(registryId, runId, outcome.Snapshot,
                        timeProvider.GetUtcNow(), token);
                    await changeFeed.RecordFullScanAsync(registry, registryId, repository, startedAt, outcome, token);
                    Log.RepositoryStored(logger, repository, written.ManifestsInserted, written.BlobsInserted,
                        written.TagChanges);
                    tally.RepositoryScanned(outcome, written);
                }
                catch (Exception exception) when (exception is not OperationCanceledException
                    || !token.IsCancellationRequested)
                {
                    tally.RepositoryFailed();
                    await errors.RecordAsync(repository, null, exception, token);
                }
            });
    }
}
