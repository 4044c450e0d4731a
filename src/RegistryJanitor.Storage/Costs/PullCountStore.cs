using Dapper;
using Npgsql;

namespace RegistryJanitor.Storage.Costs;

/// <summary>Writes and reads the <c>pull_counts</c> table.</summary>
public sealed class PullCountStore
{
    /// <summary>The source label of counts taken from registry notification events.</summary>
    public const string RegistryEventsSource = "registry-events";

    // One statement: receipts filter out events already counted (a re-sent batch), and only the freshly
    // received ones are added to the day's count.
    private const string RecordEventsSql = """
        WITH incoming AS (
            SELECT DISTINCT ON (event_id) event_id, registry, repository, manifest_digest, day
            FROM unnest(@eventIds, @registries, @repositories, @digests, @days)
                AS e (event_id, registry, repository, manifest_digest, day)
            ORDER BY event_id
        ),
        fresh AS (
            INSERT INTO registry_event_receipts (event_id, received_at)
            SELECT event_id, @receivedAt
            FROM incoming
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id
        ),
        counted AS (
            INSERT INTO pull_counts (registry, repository, manifest_digest, day, source, pull_count, updated_at)
            SELECT i.registry, i.repository, i.manifest_digest, i.day, @source, count(*), @receivedAt
            FROM incoming AS i
            JOIN fresh AS f ON f.event_id = i.event_id
            GROUP BY i.registry, i.repository, i.manifest_digest, i.day
            ON CONFLICT (registry, repository, manifest_digest, day, source)
            DO UPDATE SET pull_count = pull_counts.pull_count + EXCLUDED.pull_count,
                          updated_at = EXCLUDED.updated_at
            RETURNING 1
        )
        SELECT count(*)::INTEGER
        FROM fresh
        """;

    private const string SelectCountsSql = """
        SELECT registry AS Registry, repository AS Repository, manifest_digest AS ManifestDigest, day AS Day,
               source AS Source, pull_count AS PullCount
        FROM pull_counts
        WHERE registry = @registry
          AND day BETWEEN @from AND @to
        ORDER BY repository, manifest_digest, day, source
        """;

    private const string PruneReceiptsSql = """
        DELETE FROM registry_event_receipts
        WHERE received_at < @olderThan
        """;

    private readonly NpgsqlDataSource dataSource;

    public PullCountStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        this.dataSource = dataSource;
    }

    /// <summary>Adds pull events to the daily counts, skipping events already recorded.</summary>
    /// <returns>How many events were counted now.</returns>
    public async Task<int> RecordEventsAsync(
        IReadOnlyList<PullEvent> events, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return 0;
        }

        var parameters = new
        {
            eventIds = events.Select(e => e.EventId).ToArray(),
            registries = events.Select(e => e.Registry).ToArray(),
            repositories = events.Select(e => e.Repository).ToArray(),
            digests = events.Select(e => e.ManifestDigest).ToArray(),
            days = events.Select(e => e.Day).ToArray(),
            receivedAt,
            source = RegistryEventsSource,
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            RecordEventsSql, parameters, cancellationToken: cancellationToken));
    }

    /// <summary>The counts of one registry between two days, both included.</summary>
    public async Task<IReadOnlyList<PullCountRow>> ReadAsync(
        string registry, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PullCountRow>(new CommandDefinition(
            SelectCountsSql, new { registry, from, to }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>Forgets event receipts older than <paramref name="olderThan"/>; returns how many.</summary>
    public async Task<int> PruneReceiptsAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            PruneReceiptsSql, new { olderThan }, cancellationToken: cancellationToken));
    }
}
