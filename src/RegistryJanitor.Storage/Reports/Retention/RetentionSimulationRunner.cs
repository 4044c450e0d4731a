using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using RegistryJanitor.Core.Costs;
using RegistryJanitor.Core.Sharing;
using SharingInventory = RegistryJanitor.Core.Sharing.Inventory;
using RegistryJanitor.Reports.Retention;

namespace RegistryJanitor.Storage.Reports.Retention;

/// <summary>
/// Simulates every configured retention policy over every registry's stored inventory and replaces that day's
/// rows of <c>retention_simulations</c>, registry by registry.
/// </summary>
/// <remarks>
/// It reads the inventory and writes its own table only; the daily cost roll-up is left to the cost job. The
/// simulation always describes the inventory as stored when it runs, so a day's rows are written on that day.
/// Freed bytes deduplicate within the registry's configured scope (<c>Pricing:Registries:NAME:DedupScope</c>);
/// the monthly saving prices them at the storage list price without the included quota, as the Dead weight sheet
/// does, because which bytes fall inside a quota depends on everything else stored.
/// </remarks>
public sealed class RetentionSimulationRunner
{
    private const double BytesPerGiB = 1024d * 1024d * 1024d;
    private const int CommandTimeoutSeconds = 600;

    private readonly NpgsqlDataSource dataSource;
    private readonly RetentionInventoryReader reader;
    private readonly IOptions<PricingOptions> pricing;
    private readonly IOptions<RetentionOptions> options;
    private readonly ILogger<RetentionSimulationRunner> logger;

    public RetentionSimulationRunner(NpgsqlDataSource dataSource, RetentionInventoryReader reader,
        IOptions<PricingOptions> pricing, IOptions<RetentionOptions> options,
        ILogger<RetentionSimulationRunner> logger)
    {
        this.dataSource = dataSource;
        this.reader = reader;
        this.pricing = pricing;
        this.options = options;
        this.logger = logger;
    }

    /// <summary>Simulates and stores the day of <paramref name="now"/> (UTC) for every registry.</summary>
    /// <returns>The rows written.</returns>
    public async Task<int> SimulateAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var policies = options.Value.EffectivePolicies().Select(policy => policy.ToPolicy()).ToList();
        List<ScannedRegistryRef> registries;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            registries = (await connection.QueryAsync<ScannedRegistryRef>(new CommandDefinition(
                RetentionSimulationSql.SelectRegistries, cancellationToken: cancellationToken))).AsList();
        }

        var written = 0;
        foreach (var registry in registries)
        {
            var started = Stopwatch.GetTimestamp();
            var inventory = await reader.ReadAsync(registry.Id, registry.Name, cancellationToken);
            var records = Simulate(registry, inventory, policies, day, now);
            await ReplaceAsync(registry.Id, day, records, cancellationToken);
            written += records.Count;
            var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            logger.RetentionSimulated(registry.Name, day, inventory.Manifests.Count, records.Count, elapsedMs);
        }

        return written;
    }

    /// <summary>The rows of one registry: each policy's deletions, freed bytes and monthly saving.</summary>
    public List<RetentionSimulationRecord> Simulate(int registryId, SharingInventory inventory,
        IReadOnlyList<RetentionPolicy> policies, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(policies);
        return Simulate(new ScannedRegistryRef(registryId, inventory.Registry), inventory, policies,
            DateOnly.FromDateTime(now.UtcDateTime), now);
    }

    private List<RetentionSimulationRecord> Simulate(ScannedRegistryRef registry, SharingInventory inventory,
        IReadOnlyList<RetentionPolicy> policies, DateOnly day, DateTimeOffset now)
    {
        var prices = pricing.Value;
        var scope = prices.ForRegistry(registry.Name).DedupScope;
        var sharing = new SharingCalculator(inventory, scope);
        var daysInMonth = DateTime.DaysInMonth(day.Year, day.Month);
        var pricePerGiBMonth = ReportPricing.For(prices, registry.Name, daysInMonth).StoragePricePerGiBMonth;
        var records = new List<RetentionSimulationRecord>(policies.Count);
        for (var order = 0; order < policies.Count; order++)
        {
            var policy = policies[order];
            var result = RetentionSimulator.Simulate(sharing, policy, now);
            records.Add(new RetentionSimulationRecord
            {
                Day = day.ToDateTime(TimeOnly.MinValue),
                RegistryId = registry.Id,
                Registry = registry.Name,
                Policy = policy.Name,
                PolicyOrder = order,
                Description = RetentionPolicyDescription.Describe(policy),
                DedupScope = scope == DedupScope.Repository ? "repository" : "registry",
                Manifests = inventory.Manifests.Count,
                ManifestsDeleted = result.DeletedManifests.Count,
                TagsDeleted = result.DeletedTags.Count,
                FreedBlobs = result.Freed.Blobs,
                FreedBlobBytes = result.Freed.BlobBytes,
                FreedManifestBytes = result.Freed.ManifestBytes,
                FreedBytes = result.Freed.Total,
                MonthlySaving = (decimal)(result.Freed.Total / BytesPerGiB * pricePerGiBMonth),
                Currency = prices.Currency,
                ComputedAt = now.UtcDateTime,
            });
        }

        return records;
    }

    private async Task ReplaceAsync(int registryId, DateOnly day, List<RetentionSimulationRecord> records,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(RetentionSimulationSql.DeleteDay,
            new { day = day.ToDateTime(TimeOnly.MinValue), registryId }, transaction, CommandTimeoutSeconds,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(RetentionSimulationSql.Insert, records, transaction,
            CommandTimeoutSeconds, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }
}
