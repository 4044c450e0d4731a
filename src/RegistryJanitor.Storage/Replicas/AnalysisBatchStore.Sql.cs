namespace RegistryJanitor.Storage.Replicas;

/// <summary>The SQL of <see cref="AnalysisBatchStore"/>.</summary>
public sealed partial class AnalysisBatchStore
{
    private const string ActiveRunSql = """
        SELECT id
        FROM analysis_runs
        WHERE registry_id = @registryId AND status = 'running' AND batches_pending IS NOT NULL
            AND started_at > @since
        ORDER BY id DESC
        LIMIT 1
        """;

    private const string InsertBatchSql = """
        INSERT INTO analysis_batches (analysis_run_id, batch_no, layer_digests)
        VALUES (@runId, @batchNo, @layerDigests)
        """;

    private const string SetPendingSql = """
        UPDATE analysis_runs
        SET planned_bytes = @plannedBytes,
            over_budget_manifests = @overBudget,
            batches_pending = @pending
        WHERE id = @runId
        """;

    private const string LoadBatchSql = """
        SELECT r.registry_id AS RegistryId,
            b.finished_at IS NOT NULL AS Finished,
            coalesce(r.closing_batch = b.batch_no, false) AS ClosesRun,
            r.status = 'running' AS RunOpen,
            b.layer_digests AS LayerDigests,
            coalesce(r.over_budget_manifests, '{}') AS OverBudget
        FROM analysis_batches AS b
        JOIN analysis_runs AS r ON r.id = b.analysis_run_id
        WHERE b.analysis_run_id = @runId AND b.batch_no = @batchNo
        """;

    private const string MarkBatchSql = """
        UPDATE analysis_batches
        SET finished_at = @now,
            finished_by = @instance,
            layers_read = @LayersRead,
            bytes_read = @BytesRead,
            download_failures = @DownloadFailures
        WHERE analysis_run_id = @runId AND batch_no = @batchNo AND finished_at IS NULL
        """;

    // Row-locked by the UPDATE, so two replicas finishing their batches at once see 1 and 0, never 0 twice. The
    // right-hand sides read the row as it was before this update.
    private const string CountDownSql = """
        UPDATE analysis_runs
        SET batches_pending = batches_pending - 1,
            closing_batch = CASE WHEN batches_pending = 1 THEN @batchNo ELSE closing_batch END
        WHERE id = @runId
        RETURNING batches_pending
        """;

    private const string TotalsSql = """
        SELECT r.started_at AS StartedAt,
            r.budget_bytes AS BudgetBytes,
            r.planned_bytes AS PlannedBytes,
            coalesce(b.bytes_read, 0) AS BytesRead,
            coalesce(b.download_failures, 0) AS DownloadFailures,
            l.analysed AS LayersAnalysed,
            l.rejected AS LayersRejected,
            l.skipped AS LayersSkipped
        FROM analysis_runs AS r
        CROSS JOIN LATERAL (
            SELECT sum(bytes_read)::bigint AS bytes_read, sum(download_failures)::integer AS download_failures
            FROM analysis_batches
            WHERE analysis_run_id = r.id
        ) AS b
        CROSS JOIN LATERAL (
            SELECT count(*) FILTER (WHERE status = 'analysed')::integer AS analysed,
                count(*) FILTER (WHERE status = 'rejected')::integer AS rejected,
                count(*) FILTER (WHERE status = 'skipped')::integer AS skipped
            FROM layer_analyses
            WHERE analysis_run_id = r.id
        ) AS l
        WHERE r.id = @runId
        """;
}
