using Microsoft.Extensions.Options;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Events;
using RegistryJanitor.Storage.Inventory;

namespace RegistryJanitor.Scanning;

/// <summary>
/// Decides, for a registry with a change feed, which repositories a scan may skip, and records the full reads
/// that later skips rest on. A registry without a feed gets an empty set and no extra writes.
/// </summary>
public sealed class ChangeFeedGate
{
    private readonly RepositoryChangeStore store;
    private readonly IOptions<RegistryEventsOptions> events;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<ChangeFeedGate> logger;

    public ChangeFeedGate(
        RepositoryChangeStore store,
        IOptions<RegistryEventsOptions> events,
        TimeProvider timeProvider,
        ILogger<ChangeFeedGate> logger)
    {
        this.store = store;
        this.events = events;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>Whether scans of <paramref name="registry"/> use its change feed.</summary>
    public bool Applies(RegistryOptions registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.ChangeFeed == RegistryChangeFeed.Notifications && events.Value.Enabled;
    }

    /// <summary>The repositories of <paramref name="selected"/> the scan may skip; empty without a feed.</summary>
    public async Task<IReadOnlySet<string>> FindUnchangedAsync(
        RegistryOptions registry, int registryId, IReadOnlyCollection<string> selected,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(selected);
        if (registry.ChangeFeed == RegistryChangeFeed.None)
        {
            return new HashSet<string>();
        }

        if (!events.Value.Enabled)
        {
            Log.ChangeFeedWithoutReceiver(logger, registry.Name);
            return new HashSet<string>();
        }

        var notBefore = timeProvider.GetUtcNow() - registry.FullScanInterval;
        var unchanged = await store.FindUnchangedAsync(registryId, registry.Name, notBefore, cancellationToken);
        var skipped = selected.Where(unchanged.Contains).ToHashSet(StringComparer.Ordinal);
        Log.UnchangedSkipped(logger, registry.Name, skipped.Count, selected.Count);
        return skipped;
    }

    /// <summary>
    /// Records a repository read in full by a scan that started at <paramref name="startedAt"/>, unless the read
    /// had errors (the next scan must try again) or the registry has no feed.
    /// </summary>
    internal async Task RecordFullScanAsync(
        RegistryOptions registry, int registryId, string repository, DateTimeOffset startedAt,
        RepositoryScanOutcome outcome, CancellationToken cancellationToken)
    {
        if (!Applies(registry) || outcome.Errors > 0)
        {
            return;
        }

        await store.MarkFullScanAsync(registryId, repository, startedAt, cancellationToken);
    }
}
