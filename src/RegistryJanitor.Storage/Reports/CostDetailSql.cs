namespace RegistryJanitor.Storage.Reports;

/// <summary>Statements for the per-tag, per-blob, dead-weight and history parts of the cost workbook.</summary>
internal static class CostDetailSql
{
    private const string SnapshotDays = """
        WITH snapshot_days AS (
            SELECT registry_id, MAX(day) AS day
            FROM daily_registry_snapshots
            WHERE day >= @monthStart::date
              AND day < @monthEnd::date
            GROUP BY registry_id
        )
        """;

    /// <summary>
    /// One row per tag. A manifest's amortized bytes, pulls and egress go to its first tag (by name) and 0 to
    /// its other tags, so that column sums equal the stored figures instead of counting a manifest per tag.
    /// </summary>
    public const string SelectImages = SnapshotDays + """
        , month_sums AS (
            SELECT i.registry_id, i.repository_id, i.manifest_id,
                   SUM(i.pulls) AS pulls,
                   SUM(i.egress_bytes) AS egress_bytes,
                   STRING_AGG(DISTINCT i.pull_source, ', ' ORDER BY i.pull_source)
                       FILTER (WHERE i.pull_source <> 'none') AS pull_source
            FROM daily_image_snapshots i
            WHERE i.day >= @monthStart::date
              AND i.day < @monthEnd::date
            GROUP BY i.registry_id, i.repository_id, i.manifest_id
        ), tagged AS (
            SELECT i.*, t.tag, t.ordinality = 1 AS first_tag
            FROM daily_image_snapshots i
            JOIN snapshot_days sd ON sd.registry_id = i.registry_id AND sd.day = i.day
            CROSS JOIN LATERAL (
                SELECT tag, ROW_NUMBER() OVER (ORDER BY tag) AS ordinality
                FROM UNNEST(i.tags) AS tag
            ) t
        )
        SELECT d.registry AS Registry,
               d.repository AS Repository,
               t.tag AS Tag,
               t.digest AS Digest,
               m.media_type AS MediaType,
               t.image_bytes AS ImageBytes,
               t.exclusive_bytes AS ExclusiveBytes,
               CASE WHEN t.first_tag THEN ROUND(t.amortized_bytes)::bigint ELSE 0 END AS AmortizedBytes,
               CASE WHEN t.first_tag THEN ROUND(s.pulls)::bigint ELSE 0 END AS Pulls,
               CASE WHEN t.first_tag THEN ROUND(s.egress_bytes)::bigint ELSE 0 END AS EgressBytes,
               COALESCE(s.pull_source, 'none') AS PullSource
        FROM tagged t
        JOIN daily_snapshots d
          ON d.day = t.day AND d.registry_id = t.registry_id AND d.repository_id = t.repository_id
        JOIN month_sums s
          ON s.registry_id = t.registry_id AND s.repository_id = t.repository_id AND s.manifest_id = t.manifest_id
        LEFT JOIN manifests m ON m.id = t.manifest_id
        ORDER BY d.registry, d.repository, t.tag
        """;

    /// <summary>Layer blobs referenced by more than one present manifest, most referenced first.</summary>
    public const string SelectSharedLayers = """
        SELECT g.name AS Registry,
               b.digest AS Digest,
               b.size_bytes AS SizeBytes,
               COUNT(DISTINCT rm.manifest_id)::integer AS ReferencingManifests,
               COUNT(DISTINCT rm.repository_id)::integer AS ReferencingRepositories,
               b.media_type AS MediaType
        FROM repository_manifests rm
        JOIN repositories r ON r.id = rm.repository_id
        JOIN registries g ON g.id = r.registry_id
        JOIN manifest_blobs mb ON mb.manifest_id = rm.manifest_id AND mb.role = 'layer'
        JOIN blobs b ON b.id = mb.blob_id
        WHERE rm.deleted_at IS NULL
          AND r.deleted_at IS NULL
        GROUP BY g.name, b.id
        HAVING COUNT(DISTINCT rm.manifest_id) > 1
        ORDER BY ReferencingManifests DESC, b.size_bytes DESC, b.digest
        LIMIT @limit
        """;

    /// <summary>
    /// Untagged manifests, build caches and referrers whose subject is gone from their repository, with the
    /// exclusive bytes of the last snapshot day as freed bytes.
    /// </summary>
    public const string SelectDeadWeight = SnapshotDays + """
        , classified AS (
            SELECT i.*,
                   rm.untagged_since,
                   m.subject_digest,
                   CASE
                       WHEN i.kind = 'build_cache' THEN 'build-cache'
                       WHEN m.subject_digest IS NOT NULL AND NOT EXISTS (
                           SELECT 1
                           FROM repository_manifests srm
                           JOIN manifests sm ON sm.id = srm.manifest_id
                           WHERE srm.repository_id = i.repository_id
                             AND srm.deleted_at IS NULL
                             AND sm.digest = m.subject_digest) THEN 'orphaned-referrer'
                       WHEN rm.untagged_since IS NOT NULL AND i.kind IN ('image', 'index') THEN 'untagged'
                   END AS dead_kind
            FROM daily_image_snapshots i
            JOIN snapshot_days sd ON sd.registry_id = i.registry_id AND sd.day = i.day
            JOIN manifests m ON m.id = i.manifest_id
            LEFT JOIN repository_manifests rm ON rm.repository_id = i.repository_id AND rm.manifest_id = i.manifest_id
        )
        SELECT c.dead_kind AS Kind,
               d.registry AS Registry,
               d.repository AS Repository,
               c.tags[1] AS Tag,
               c.digest AS Digest,
               c.exclusive_bytes AS FreedBytes,
               CASE WHEN c.untagged_since IS NULL THEN NULL
                    ELSE (c.day - c.untagged_since::date)::integer END AS AgeDays,
               CASE WHEN c.dead_kind = 'orphaned-referrer' THEN 'subject ' || c.subject_digest END AS Detail
        FROM classified c
        JOIN daily_snapshots d
          ON d.day = c.day AND d.registry_id = c.registry_id AND d.repository_id = c.repository_id
        WHERE c.dead_kind IS NOT NULL
        ORDER BY c.exclusive_bytes DESC, d.registry, d.repository, c.digest
        """;

    /// <summary>
    /// Totals per month from the monthly roll-ups; stored bytes from the registry snapshots, because repository
    /// stored bytes overlap when a registry deduplicates across repositories.
    /// </summary>
    public const string SelectHistory = """
        WITH rollups AS (
            SELECT month,
                   SUM(avg_logical_bytes) AS logical_bytes,
                   SUM(pulls) AS pulls,
                   SUM(egress_bytes) AS egress_bytes,
                   SUM(storage_cost) AS storage_cost,
                   SUM(egress_cost) AS egress_cost
            FROM monthly_rollups
            WHERE month >= @historyStart::date
              AND month < @monthStart::date
            GROUP BY month
        ), registry_months AS (
            SELECT DATE_TRUNC('month', day)::date AS month, registry_id, AVG(stored_bytes) AS stored_bytes
            FROM daily_registry_snapshots
            WHERE day >= @historyStart::date
              AND day < @monthStart::date
            GROUP BY 1, 2
        ), stored AS (
            SELECT month, SUM(stored_bytes) AS stored_bytes
            FROM registry_months
            GROUP BY month
        )
        SELECT r.month::timestamp AS Month,
               ROUND(r.logical_bytes)::bigint AS LogicalBytes,
               COALESCE(ROUND(s.stored_bytes), 0)::bigint AS StoredBytes,
               ROUND(r.pulls)::bigint AS Pulls,
               ROUND(r.egress_bytes)::bigint AS EgressBytes,
               r.storage_cost::double precision AS StorageCost,
               r.egress_cost::double precision AS EgressCost
        FROM rollups r
        LEFT JOIN stored s ON s.month = r.month
        ORDER BY r.month
        """;
}
