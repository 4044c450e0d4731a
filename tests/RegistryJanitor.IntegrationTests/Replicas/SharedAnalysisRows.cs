using Dapper;
using Npgsql;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;

namespace RegistryJanitor.IntegrationTests.Replicas;

/// <summary>Reads what a layer analysis shared by the replicas of a <see cref="ReplicaCluster"/> stored.</summary>
internal sealed class SharedAnalysisRows(NpgsqlDataSource dataSource)
{
    // The first analysis run of the registry that was split into work items.
    private const string FirstSharedRunSql = """
        SELECT a.id AS Id, a.status AS Status, a.planned_bytes AS PlannedBytes, a.bytes_read AS BytesRead,
            a.layers_analysed AS LayersAnalysed, a.layers_rejected AS LayersRejected,
            a.layers_skipped AS LayersSkipped, a.images_analysed AS ImagesAnalysed, a.images_skipped AS ImagesSkipped
        FROM analysis_runs AS a
        JOIN registries AS g ON g.id = a.registry_id
        WHERE g.name = @registry
            AND EXISTS (SELECT 1 FROM analysis_batches AS b WHERE b.analysis_run_id = a.id)
        ORDER BY a.id
        LIMIT 1
        """;

    private const string BatchesSql = """
        SELECT batch_no AS BatchNo, layer_digests AS LayerDigests, finished_by AS FinishedBy,
            layers_read AS LayersRead
        FROM analysis_batches
        WHERE analysis_run_id = @runId
        ORDER BY batch_no
        """;

    private const string LayersSql = """
        SELECT b.digest, la.status, la.analysis_run_id
        FROM layer_analyses AS la
        JOIN blobs AS b ON b.id = la.blob_id
        """;

    // An analysis work item Quartz records as executing on a node, not finished, with some of its layers stored and
    // at least @remaining still to read: that node is part-way through it.
    private const string MidBatchSql = """
        SELECT f.instance_name AS Instance, b.batch_no AS BatchNo
        FROM qrtz_fired_triggers AS f
        JOIN analysis_batches AS b
            ON f.job_name = 'analyze-' || @registry || '-' || b.analysis_run_id || '-' || b.batch_no
        CROSS JOIN LATERAL (
            SELECT count(*) AS stored
            FROM blobs AS l
            JOIN layer_analyses AS la ON la.blob_id = l.id
            WHERE l.digest = ANY (b.layer_digests)
        ) AS s
        WHERE f.job_group = 'analysis-batches' AND f.state = 'EXECUTING' AND b.finished_at IS NULL
            AND s.stored BETWEEN 1 AND cardinality(b.layer_digests) - @remaining
        LIMIT 1
        """;

    private const string RankingRunsSql = """
        SELECT count(*) FILTER (WHERE j.started_at < a.finished_at) AS Before,
            count(*) FILTER (WHERE j.started_at >= a.finished_at) AS After
        FROM analysis_runs AS a
        CROSS JOIN job_runs AS j
        WHERE a.id = @runId AND j.job_group = 'ranking'
        """;

    /// <summary>Waits until the registry's first shared analysis run has closed and returns it.</summary>
    public async Task<AnalysisRunRow> WaitForFirstSharedRunAsync(string registry, CancellationToken cancellationToken)
    {
        AnalysisRunRow? run = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                run = await connection.QuerySingleOrDefaultAsync<AnalysisRunRow>(new CommandDefinition(
                    FirstSharedRunSql, new { registry }, cancellationToken: cancellationToken));
                return run is not null && run.Status != "running";
            },
            "the first shared analysis run has closed", ReplicaCluster.Limit, cancellationToken);
        return run!;
    }

    /// <summary>
    /// Waits until some replica is part-way through an analysis work item of the registry, with at least
    /// <paramref name="remaining"/> of its layers still to read; returns its cluster node id and the item.
    /// </summary>
    public async Task<(string Instance, int BatchNo)> WaitForReplicaMidBatchAsync(
        string registry, int remaining, CancellationToken cancellationToken)
    {
        (string Instance, int BatchNo)? held = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                var rows = await connection.QueryAsync<(string, int)>(new CommandDefinition(
                    MidBatchSql, new { registry, remaining }, cancellationToken: cancellationToken));
                held = rows.Select(row => ((string, int)?)row).FirstOrDefault();
                return held is not null;
            },
            "a replica is part-way through an analysis work item", ReplicaCluster.Limit, cancellationToken);
        return held!.Value;
    }

    /// <summary>
    /// Waits until a ranking job run started after <paramref name="runId"/> closed; returns the ranking runs
    /// started before and after that.
    /// </summary>
    public async Task<(long Before, long After)> WaitForRankingAfterAsync(
        long runId, CancellationToken cancellationToken)
    {
        (long Before, long After) runs = default;
        await Eventually.HoldsAsync(
            async () =>
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                runs = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(
                    RankingRunsSql, new { runId }, cancellationToken: cancellationToken));
                return runs.After > 0;
            },
            "the ranking ran after the analysis", ReplicaCluster.Limit, cancellationToken);
        return runs;
    }

    public async Task<IReadOnlyList<AnalysisBatchRow>> BatchesAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AnalysisBatchRow>(
            new CommandDefinition(BatchesSql, new { runId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Every <c>layer_analyses</c> row: digest, status and the run that stored it.</summary>
    public async Task<IReadOnlyList<(string Digest, string Status, long? RunId)>> LayersAsync(
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string, string, long?)>(
            new CommandDefinition(LayersSql, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
