namespace RegistryJanitor.Storage.Replicas;

/// <summary>The SQL of <see cref="ScanBatchStore"/>.</summary>
public sealed partial class ScanBatchStore
{
    private const string ActiveRunSql = """
        SELECT id
        FROM scan_runs
        WHERE registry_id = @registryId AND status = 'running' AND batches_pending IS NOT NULL
            AND started_at > @since
        ORDER BY id DESC
        LIMIT 1
        """;

    private const string InsertBatchSql = """
        INSERT INTO scan_batches (scan_run_id, batch_no, repositories)
        VALUES (@runId, @batchNo, @repositories)
        """;

    private const string SetPendingSql = """
        UPDATE scan_runs
        SET repositories_total = @repositoriesTotal,
            batches_pending = @pending
        WHERE id = @runId
        """;

    private const string LoadBatchSql = """
        SELECT r.registry_id AS RegistryId, b.finished_at IS NOT NULL AS Finished, b.repositories AS Repositories
        FROM scan_batches AS b
        JOIN scan_runs AS r ON r.id = b.scan_run_id
        WHERE b.scan_run_id = @runId AND b.batch_no = @batchNo
        """;

    private const string RecordedSql = """
        SELECT repository
        FROM scan_run_repositories
        WHERE scan_run_id = @runId AND repository = ANY (@repositories)
        """;

    private const string RecordRepositorySql = """
        INSERT INTO scan_run_repositories (scan_run_id, repository, failed, unchanged, scanned_by, tags_seen,
            manifests_new, manifests_known, blobs_new, bytes_new, scanned_at)
        VALUES (@runId, @Repository, @Failed, @Unchanged, @instance, @TagsSeen, @ManifestsNew, @ManifestsKnown,
            @BlobsNew, @BytesNew, @now)
        ON CONFLICT (scan_run_id, repository) DO UPDATE
        SET attempts = scan_run_repositories.attempts + 1,
            failed = excluded.failed,
            unchanged = excluded.unchanged,
            scanned_by = excluded.scanned_by,
            tags_seen = excluded.tags_seen,
            manifests_new = scan_run_repositories.manifests_new + excluded.manifests_new,
            manifests_known = excluded.manifests_known,
            blobs_new = scan_run_repositories.blobs_new + excluded.blobs_new,
            bytes_new = scan_run_repositories.bytes_new + excluded.bytes_new,
            scanned_at = excluded.scanned_at
        """;

    private const string MarkBatchSql = """
        UPDATE scan_batches
        SET finished_at = @now,
            finished_by = @instance
        WHERE scan_run_id = @runId AND batch_no = @batchNo AND finished_at IS NULL
        """;

    // Row-locked by the UPDATE, so two replicas finishing their batches at once see 1 and 0, never 0 twice.
    private const string CountDownSql = """
        UPDATE scan_runs
        SET batches_pending = batches_pending - 1,
            requests = requests + @requests
        WHERE id = @runId
        RETURNING batches_pending
        """;

    // Failed when every repository failed, partial when any error was recorded, else succeeded.
    private const string CloseRunSql = """
        WITH figures AS (
            SELECT count(*) FILTER (WHERE NOT failed AND NOT unchanged) AS scanned,
                count(*) FILTER (WHERE failed) AS failed,
                count(*) FILTER (WHERE unchanged) AS unchanged,
                coalesce(sum(tags_seen), 0) AS tags_seen,
                coalesce(sum(manifests_new), 0) AS manifests_new,
                coalesce(sum(manifests_known), 0) AS manifests_known,
                coalesce(sum(blobs_new), 0) AS blobs_new,
                coalesce(sum(bytes_new), 0) AS bytes_new
            FROM scan_run_repositories
            WHERE scan_run_id = @runId
        ),
        closed AS (
            UPDATE scan_runs AS r
            SET finished_at = @now,
                repositories_scanned = f.scanned,
                repositories_failed = f.failed,
                repositories_unchanged = f.unchanged,
                tags_seen = f.tags_seen,
                manifests_new = f.manifests_new,
                manifests_known = f.manifests_known,
                blobs_new = f.blobs_new,
                bytes_new = f.bytes_new,
                status = CASE
                    WHEN r.repositories_total > 0 AND f.failed = r.repositories_total THEN 'failed'
                    WHEN EXISTS (SELECT 1 FROM scan_run_errors AS e WHERE e.scan_run_id = r.id) THEN 'partial'
                    ELSE 'succeeded'
                END,
                error = CASE
                    WHEN r.repositories_total > 0 AND f.failed = r.repositories_total
                        THEN 'every repository failed; see scan_run_errors'
                END
            FROM figures AS f
            WHERE r.id = @runId AND r.status = 'running'
            RETURNING r.status, r.registry_id
        ),
        touched AS (
            UPDATE registries AS g
            SET last_scanned_at = @now
            FROM closed AS c
            WHERE g.id = c.registry_id
        )
        SELECT status FROM closed
        """;
}
