using Dapper;
using Npgsql;

namespace RegistryJanitor.Storage.Replicas;

/// <summary>
/// The PostgreSQL side of a layer analysis shared by replicas: the batches of layer digests of a run, who finished
/// each, and the counter that names exactly one batch (the one finished last) to run the per-image step.
/// </summary>
public sealed partial class AnalysisBatchStore
{
    private readonly NpgsqlDataSource dataSource;

    public AnalysisBatchStore(NpgsqlDataSource dataSource) => this.dataSource = dataSource;

    /// <summary>
    /// A shared analysis run of the registry still in progress and started after <paramref name="since"/>.
    /// </summary>
    public async Task<long?> FindActiveRunAsync(
        int registryId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            ActiveRunSql, new { registryId, since }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Stores the batches of <paramref name="runId"/>, its plan figures and its pending counter in one transaction.
    /// </summary>
    public async Task CreateBatchesAsync(
        long runId, long plannedBytes, IReadOnlyCollection<string> overBudget,
        IReadOnlyList<IReadOnlyList<string>> batches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(overBudget);
        ArgumentNullException.ThrowIfNull(batches);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = batches.Select((digests, index) =>
            new { runId, batchNo = index, layerDigests = digests.ToArray() });
        await connection.ExecuteAsync(new CommandDefinition(
            InsertBatchSql, rows, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            SetPendingSql, new { runId, plannedBytes, overBudget = overBudget.ToArray(), pending = batches.Count },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Loads a batch and where its run stands; null when the run or batch is gone.</summary>
    public async Task<AnalysisBatch?> LoadBatchAsync(long runId, int batchNo, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<BatchRow>(new CommandDefinition(
            LoadBatchSql, new { runId, batchNo }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new AnalysisBatch(row.RegistryId, row.Finished, row.ClosesRun, row.RunOpen, row.LayerDigests,
                row.OverBudget);
    }

    /// <summary>
    /// Marks the batch finished (once: a second call changes nothing) with what the attempt did and counts it
    /// down. Returns true when this call finished the run's last batch: the caller then runs the per-image step.
    /// </summary>
    public async Task<bool> FinishBatchAsync(
        long runId, int batchNo, string instance, AnalysisBatchOutcome outcome, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var parameters = new DynamicParameters(outcome);
        parameters.Add("runId", runId);
        parameters.Add("batchNo", batchNo);
        parameters.Add("instance", instance);
        parameters.Add("now", now);
        var marked = await connection.ExecuteAsync(new CommandDefinition(
            MarkBatchSql, parameters, transaction, cancellationToken: cancellationToken));
        var last = false;
        if (marked == 1)
        {
            var pending = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                CountDownSql, new { runId, batchNo }, transaction, cancellationToken: cancellationToken));
            last = pending == 0;
        }

        await transaction.CommitAsync(cancellationToken);
        return last;
    }

    /// <summary>The layer figures of <paramref name="runId"/> for its closing step.</summary>
    public async Task<AnalysisRunTotals> LoadTotalsAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<AnalysisRunTotals>(new CommandDefinition(
            TotalsSql, new { runId }, cancellationToken: cancellationToken));
    }

    // Properties rather than a positional record: Dapper hands a text[] column to constructors as System.Array.
    private sealed class BatchRow
    {
        public int RegistryId { get; set; }

        public bool Finished { get; set; }

        public bool ClosesRun { get; set; }

        public bool RunOpen { get; set; }

        public string[] LayerDigests { get; set; } = [];

        public string[] OverBudget { get; set; } = [];
    }
}
