using Dapper;
using Npgsql;

namespace RegistryJanitor.Storage.Inventory;

/// <summary>The <c>scan_runs</c> row of a scan and its recorded errors.</summary>
public sealed class ScanRunStore
{
    private const string StartSql = """
        INSERT INTO scan_runs (registry_id, started_at, status)
        VALUES (@registryId, @now, 'running')
        RETURNING id
        """;

    // A run left 'running' by a killed process is closed when the next run of the registry starts.
    private const string CloseInterruptedSql = """
        UPDATE scan_runs
        SET status = 'failed',
            finished_at = @now,
            error = 'interrupted: the process ended before the run finished'
        WHERE registry_id = @registryId AND status = 'running' AND id <> @runId
        """;

    private const string FinishSql = """
        UPDATE scan_runs
        SET finished_at = @now,
            status = @status,
            repositories_total = @RepositoriesTotal,
            repositories_scanned = @RepositoriesScanned,
            repositories_failed = @RepositoriesFailed,
            repositories_unchanged = @RepositoriesUnchanged,
            tags_seen = @TagsSeen,
            manifests_new = @ManifestsNew,
            manifests_known = @ManifestsKnown,
            blobs_new = @BlobsNew,
            bytes_new = @BytesNew,
            requests = @Requests,
            error = @error
        WHERE id = @runId
        """;

    private const string ErrorSql = """
        INSERT INTO scan_run_errors (scan_run_id, repository, reference, kind, message, occurred_at)
        VALUES (@runId, @repository, @reference, @kind, @message, @now)
        """;

    private const string TouchRegistrySql = """
        UPDATE registries
        SET last_scanned_at = @now
        WHERE id = @registryId
        """;

    private readonly NpgsqlDataSource dataSource;

    public ScanRunStore(NpgsqlDataSource dataSource) => this.dataSource = dataSource;

    public async Task<long> StartAsync(int registryId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var runId = await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(StartSql, new { registryId, now }, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            CloseInterruptedSql, new { registryId, runId, now }, cancellationToken: cancellationToken));
        return runId;
    }

    public async Task RecordErrorAsync(
        long runId, string? repository, string? reference, string kind, string message, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            ErrorSql,
            new { runId, repository, reference, kind, message, now },
            cancellationToken: cancellationToken));
    }

    public async Task FinishAsync(
        long runId, int registryId, string status, ScanRunCounts counts, string? error, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counts);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters(counts);
        parameters.Add("runId", runId);
        parameters.Add("status", status);
        parameters.Add("error", error);
        parameters.Add("now", now);
        await connection.ExecuteAsync(new CommandDefinition(FinishSql, parameters,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            TouchRegistrySql, new { registryId, now }, cancellationToken: cancellationToken));
    }
}
