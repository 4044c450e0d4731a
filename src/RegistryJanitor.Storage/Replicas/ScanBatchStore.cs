using Dapper;
using Npgsql;

namespace RegistryJanitor.Storage.Replicas;

/// <summary>
/// The PostgreSQL side of a scan shared by replicas: the batches of a run, the repositories each replica recorded,
/// and the counter that lets exactly one replica (the one finishing the last batch) close the run.
/// </summary>
public sealed partial class ScanBatchStore
{
    private readonly NpgsqlDataSource dataSource;

    public ScanBatchStore(NpgsqlDataSource dataSource) => this.dataSource = dataSource;

    /// <summary>A shared run of the registry still in progress and started after <paramref name="since"/>.</summary>
    public async Task<long?> FindActiveRunAsync(
        int registryId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            ActiveRunSql, new { registryId, since }, cancellationToken: cancellationToken));
    }

    /// <summary>Stores the batches of <paramref name="runId"/> and its pending counter in one transaction.</summary>
    public async Task CreateBatchesAsync(
        long runId, int repositoriesTotal, IReadOnlyList<IReadOnlyList<string>> batches,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batches);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = batches.Select((repositories, index) =>
            new { runId, batchNo = index, repositories = repositories.ToArray() });
        await connection.ExecuteAsync(new CommandDefinition(
            InsertBatchSql, rows, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            SetPendingSql, new { runId, repositoriesTotal, pending = batches.Count }, transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Loads a batch with the repositories already recorded; null when the run or batch is gone.</summary>
    public async Task<ScanBatch?> LoadBatchAsync(long runId, int batchNo, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var batch = await connection.QuerySingleOrDefaultAsync<BatchRow>(new CommandDefinition(
            LoadBatchSql, new { runId, batchNo }, cancellationToken: cancellationToken));
        if (batch is null)
        {
            return null;
        }

        var recorded = await connection.QueryAsync<string>(new CommandDefinition(
            RecordedSql, new { runId, repositories = batch.Repositories }, cancellationToken: cancellationToken));
        return new ScanBatch(batch.RegistryId, batch.Finished, batch.Repositories,
            recorded.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Records one repository of a run; a second record of it counts one more attempt.</summary>
    public async Task RecordRepositoryAsync(
        long runId, RepositoryRecord record, string instance, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters(record);
        parameters.Add("runId", runId);
        parameters.Add("instance", instance);
        parameters.Add("now", now);
        await connection.ExecuteAsync(new CommandDefinition(
            RecordRepositorySql, parameters, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Marks the batch finished and counts it down; the replica whose update brings the counter to zero closes the
    /// run from the recorded repositories. Returns the run's status when this call closed it, else null.
    /// </summary>
    public async Task<string?> FinishBatchAsync(
        long runId, int batchNo, string instance, int requests, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var marked = await connection.ExecuteAsync(new CommandDefinition(
            MarkBatchSql, new { runId, batchNo, instance, now }, transaction, cancellationToken: cancellationToken));
        string? closed = null;
        if (marked == 1)
        {
            var pending = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                CountDownSql, new { runId, requests }, transaction, cancellationToken: cancellationToken));
            if (pending == 0)
            {
                closed = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
                    CloseRunSql, new { runId, now }, transaction, cancellationToken: cancellationToken));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return closed;
    }

    /// <summary>Closes a shared run that has no batches (nothing selected); returns its status.</summary>
    public async Task<string?> CloseEmptyRunAsync(long runId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            CloseRunSql, new { runId, now }, cancellationToken: cancellationToken));
    }

    // Properties rather than a positional record: Dapper hands a text[] column to constructors as System.Array.
    private sealed class BatchRow
    {
        public int RegistryId { get; set; }

        public bool Finished { get; set; }

        public string[] Repositories { get; set; } = [];
    }
}
