using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using RegistryJanitor.Core.Costs;
using RegistryJanitor.Storage.Costs;

namespace RegistryJanitor.Costs;

/// <summary>
/// Computes today's (UTC) cost snapshot of the scanned registries (or one of them) and the month's roll-up, as the
/// daily job and the <c>costs</c> command do. Running it again the same day replaces that day's rows.
/// </summary>
internal sealed class DailyCostRunner
{
    private const string SelectRegistriesSql = """
        SELECT id AS Id, name AS Name
        FROM registries
        ORDER BY name
        """;

    private readonly NpgsqlDataSource dataSource;
    private readonly DailyCostComputation computation;
    private readonly TimeProvider timeProvider;
    private readonly IOptions<PricingOptions> pricing;
    private readonly ILogger<DailyCostRunner> logger;

    public DailyCostRunner(
        NpgsqlDataSource dataSource,
        DailyCostComputation computation,
        TimeProvider timeProvider,
        IOptions<PricingOptions> pricing,
        ILogger<DailyCostRunner> logger)
    {
        this.dataSource = dataSource;
        this.computation = computation;
        this.timeProvider = timeProvider;
        this.pricing = pricing;
        this.logger = logger;
    }

    /// <summary>The currency every computed figure is in.</summary>
    public string Currency => pricing.Value.Currency;

    /// <summary>Computes today's figures; <paramref name="registryName"/> null means every scanned registry.</summary>
    /// <exception cref="ArgumentException">No scanned registry has that name.</exception>
    public async Task<IReadOnlyList<DailyCostResult>> RunAsync(
        string? registryName, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var day = DateOnly.FromDateTime(now.UtcDateTime);

        List<ScannedRegistry> registries;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            registries = [.. await connection.QueryAsync<ScannedRegistry>(new CommandDefinition(
                SelectRegistriesSql, cancellationToken: cancellationToken))];
        }

        if (registryName is not null)
        {
            registries = registries.Where(r => string.Equals(r.Name, registryName, StringComparison.Ordinal)).ToList();
            if (registries.Count == 0)
            {
                throw new ArgumentException($"no scanned registry is named '{registryName}'; run scan first");
            }
        }

        var results = new List<DailyCostResult>();
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
            results.Add(result);
        }

        return results;
    }
}
