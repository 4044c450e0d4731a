using Dapper;
using Npgsql;

namespace RegistryJanitor.Storage.Inventory;

/// <summary>
/// The change feed's state: which repositories registry notifications reported as changed, and when each
/// repository was last read in full. A re-scan asks it which repositories it may skip.
/// </summary>
public sealed class RepositoryChangeStore
{
    private const string RecordChangesSql = """
        INSERT INTO repository_change_events (registry, repository, received_at, events)
        SELECT @registry, c.repository, @receivedAt, c.events
        FROM unnest(@repositories::text[], @counts::bigint[]) AS c (repository, events)
        ON CONFLICT (registry, repository) DO UPDATE
        SET received_at = greatest(repository_change_events.received_at, EXCLUDED.received_at),
            events = repository_change_events.events + EXCLUDED.events
        """;

    private const string MarkFullScanSql = """
        UPDATE repositories
        SET full_scan_started_at = greatest(coalesce(full_scan_started_at, @startedAt), @startedAt)
        WHERE registry_id = @registryId AND name = @repository
        """;

    // A repository is unchanged when its last full scan is recent enough and started after (or at) the last
    // notification about it. An event received while that scan ran makes the repository changed: the scan may
    // have read its tags before the push.
    private const string FindUnchangedSql = """
        SELECT r.name
        FROM repositories AS r
        LEFT JOIN repository_change_events AS e ON e.registry = @registry AND e.repository = r.name
        WHERE r.registry_id = @registryId
          AND r.deleted_at IS NULL
          AND r.full_scan_started_at >= @fullScanNotBefore
          AND (e.received_at IS NULL OR e.received_at < r.full_scan_started_at)
        """;

    private readonly NpgsqlDataSource dataSource;

    public RepositoryChangeStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        this.dataSource = dataSource;
    }

    /// <summary>Records notifications about repositories of a registry (by its configured name).</summary>
    /// <param name="registry">The registry's configured name.</param>
    /// <param name="eventsByRepository">How many change events each repository had in the batch.</param>
    /// <param name="receivedAt">This service's clock at receipt.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task RecordChangesAsync(
        string registry,
        IReadOnlyDictionary<string, int> eventsByRepository,
        DateTimeOffset receivedAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventsByRepository);
        if (eventsByRepository.Count == 0)
        {
            return;
        }

        var parameters = new
        {
            registry,
            receivedAt,
            repositories = eventsByRepository.Keys.ToArray(),
            counts = eventsByRepository.Values.Select(v => (long)v).ToArray(),
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(RecordChangesSql, parameters,
            cancellationToken: cancellationToken));
    }

    /// <summary>Records that a scan that started at <paramref name="startedAt"/> read every tag without error.</summary>
    public async Task MarkFullScanAsync(
        int registryId, string repository, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(MarkFullScanSql,
            new { registryId, repository, startedAt }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The repositories of a registry that no notification named since their last full scan, which started no
    /// earlier than <paramref name="fullScanNotBefore"/>.
    /// </summary>
    public async Task<IReadOnlySet<string>> FindUnchangedAsync(
        int registryId, string registry, DateTimeOffset fullScanNotBefore, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var names = await connection.QueryAsync<string>(new CommandDefinition(FindUnchangedSql,
            new { registryId, registry, fullScanNotBefore }, cancellationToken: cancellationToken));
        return names.ToHashSet(StringComparer.Ordinal);
    }
}
