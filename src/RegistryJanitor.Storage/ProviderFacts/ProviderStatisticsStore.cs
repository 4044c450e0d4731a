using Dapper;
using Npgsql;

namespace RegistryJanitor.Storage.ProviderFacts;

/// <summary>
/// Writes figures only a cloud provider knows: billed storage (<c>provider_billed_storage</c>) and pull counts
/// from provider metrics (<c>pull_counts</c>, source <c>provider-metric</c>, as the cost model reads them).
/// </summary>
public sealed class ProviderStatisticsStore
{
    /// <summary>The <c>pull_counts.source</c> of counts read from a provider's metrics.</summary>
    public const string ProviderMetricSource = "provider-metric";

    private const string UpsertBilledStorageSql = """
        INSERT INTO provider_billed_storage (registry, day, source, billed_bytes, observed_at)
        VALUES (@registry, @day, @source, @billedBytes, @observedAt)
        ON CONFLICT (registry, day, source)
        DO UPDATE SET billed_bytes = EXCLUDED.billed_bytes, observed_at = EXCLUDED.observed_at
        """;

    // A metric's daily sum is absolute, not an increment: a later reading of the same day replaces it.
    private const string UpsertPullCountsSql = """
        INSERT INTO pull_counts (registry, repository, manifest_digest, day, source, pull_count, updated_at)
        SELECT @registry, p.repository, '', p.day, @source, p.pull_count, @updatedAt
        FROM unnest(@repositories::text[], @days::date[], @pullCounts::bigint[]) AS p (repository, day, pull_count)
        ON CONFLICT (registry, repository, manifest_digest, day, source)
        DO UPDATE SET pull_count = EXCLUDED.pull_count, updated_at = EXCLUDED.updated_at
        """;

    private readonly NpgsqlDataSource dataSource;

    public ProviderStatisticsStore(NpgsqlDataSource dataSource) => this.dataSource = dataSource;

    /// <summary>
    /// Records the billed storage of <paramref name="registry"/> read at <paramref name="observedAt"/>.
    /// </summary>
    public async Task RecordBilledStorageAsync(
        string registry, string source, long billedBytes, DateTimeOffset observedAt,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            UpsertBilledStorageSql,
            new
            {
                registry,
                day = DateOnly.FromDateTime(observedAt.UtcDateTime),
                source,
                billedBytes,
                observedAt,
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Records daily pull counts from provider metrics; an empty repository is a registry-wide count.
    /// </summary>
    public async Task RecordPullCountsAsync(
        string registry, IReadOnlyList<(string Repository, DateOnly Day, long Pulls)> counts,
        DateTimeOffset updatedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0)
        {
            return;
        }

        // Several data points of one repository and day (never expected) are summed, not rejected by the upsert.
        var daily = counts.GroupBy(c => (c.Repository, c.Day))
            .Select(g => (g.Key.Repository, g.Key.Day, Pulls: g.Sum(c => c.Pulls)))
            .ToList();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            UpsertPullCountsSql,
            new
            {
                registry,
                source = ProviderMetricSource,
                repositories = daily.Select(c => c.Repository).ToArray(),
                days = daily.Select(c => c.Day).ToArray(),
                pullCounts = daily.Select(c => c.Pulls).ToArray(),
                updatedAt,
            },
            cancellationToken: cancellationToken));
    }
}
