using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;
using RegistryJanitor.Core.Costs;
using RegistryJanitor.Storage.Costs;

namespace RegistryJanitor.Costs;

/// <summary>
/// Computes today's (UTC) cost snapshot of every scanned registry and the month's roll-up. Running it again
/// the same day replaces that day's rows, so it is idempotent per day.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class DailyCostJob : IJob
{
    /// <summary>The job's key in the scheduler.</summary>
    public static readonly JobKey Key = new("daily-costs", "costs");

    private const string SelectRegistriesSql = """
        SELECT id AS Id, name AS Name
        FROM registries
        ORDER BY name
        """;

    private readonly NpgsqlDataSource dataSource;
    private readonly DailyCostComputation computation;
    private readonly PullCountStore pullCounts;
    private readonly TimeProvider timeProvider;
    private readonly IOptions<PricingOptions> pricing;
    private readonly IOptions<CostJobOptions> options;
    private readonly ILogger<DailyCostJob> logger;

    public DailyCostJob(
        NpgsqlDataSource dataSource,
        DailyCostComputation computation,
        PullCountStore pullCounts,
        TimeProvider timeProvider,
        IOptions<PricingOptions> pricing,
        IOptions<CostJobOptions> options,
        ILogger<DailyCostJob> logger)
    {
        this.dataSource = dataSource;
        this.computation = computation;
        this.pullCounts = pullCounts;
        this.timeProvider = timeProvider;
        this.pricing = pricing;
        this.options = options;
        this.logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var day = DateOnly.FromDateTime(now.UtcDateTime);

        List<ScannedRegistry> registries;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            registries = [.. await connection.QueryAsync<ScannedRegistry>(new CommandDefinition(
                SelectRegistriesSql, cancellationToken: cancellationToken))];
        }

        foreach (var registry in registries)
        {
            var started = Stopwatch.GetTimestamp();
            var request = new DailyCostRequest(registry.Id, registry.Name, day, pricing.Value, now);
            var result = await computation.ComputeAsync(request, cancellationToken);
            var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var monthly = result.MonthlyStorageCost;
            logger.RegistryCostComputed(
                registry.Name, day, result.Manifests, result.StoredBytes, result.LogicalBytes,
                monthly.Total, pricing.Value.Currency, monthly.Profile, elapsedMs);
        }

        var pruned = await pullCounts.PruneReceiptsAsync(now - options.Value.EventReceiptRetention, cancellationToken);
        logger.DailyCostsCompleted(registries.Count, day, pruned);
    }
}
