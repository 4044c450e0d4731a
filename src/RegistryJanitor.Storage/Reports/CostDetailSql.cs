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
    /// Push and last-pull times of every manifest of the snapshot days. Pushed: the provider's push time (ACR,
    /// ECR) when stored, else the image config's created time when it is plausible (not before 2000, which
    /// reproducible builds use, and not after the scanner first saw the manifest), else when the scanner first saw
    /// it. Last pull: the later of the provider's last pull time and the last day registry events counted a pull.
    /// </summary>
    private const string SnapshotTimes = """
        , event_pulls AS (
            SELECT registry, repository, manifest_digest,
                   MAX(day)::timestamp AT TIME ZONE 'UTC' AS last_pulled_at
            FROM pull_counts
            WHERE source = 'registry-events'
              AND manifest_digest <> ''
              AND pull_count > 0
              AND day < @monthEnd::date
            GROUP BY registry, repository, manifest_digest
        ), times AS (
            SELECT i.registry_id, i.repository_id, i.manifest_id,
                   CASE
                       WHEN rm.pushed_at IS NOT NULL THEN rm.pushed_at
                       WHEN m.created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+00'
                           THEN LEAST(m.created_at, rm.first_seen_at)
                       ELSE rm.first_seen_at
                   END AS pushed_at,
                   CASE
                       WHEN rm.pushed_at IS NOT NULL THEN 'provider'
                       WHEN m.created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+00' THEN 'config created'
                       WHEN rm.first_seen_at IS NOT NULL THEN 'first seen'
                   END AS pushed_source,
                   GREATEST(rm.last_pulled_at, ep.last_pulled_at) AS last_pulled_at
            FROM daily_image_snapshots i
            JOIN snapshot_days sd ON sd.registry_id = i.registry_id AND sd.day = i.day
            JOIN daily_snapshots d
              ON d.day = i.day AND d.registry_id = i.registry_id AND d.repository_id = i.repository_id
            JOIN manifests m ON m.id = i.manifest_id
            LEFT JOIN repository_manifests rm
              ON rm.repository_id = i.repository_id AND rm.manifest_id = i.manifest_id
            LEFT JOIN event_pulls ep
              ON ep.registry = d.registry AND ep.repository = d.repository AND ep.manifest_digest = i.digest
        )
        """;

    /// <summary>
    /// One row per tag. A manifest's amortized bytes, pulls and egress go to its first tag (by name) and 0 to
    /// its other tags, so that column sums equal the stored figures instead of counting a manifest per tag.
    /// </summary>
    public const string SelectImages = SnapshotDays + SnapshotTimes + """
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
               tm.pushed_at AS PushedAt,
               tm.pushed_source AS PushedSource,
               tm.last_pulled_at AS LastPulledAt,
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
        LEFT JOIN times tm
          ON tm.registry_id = t.registry_id AND tm.repository_id = t.repository_id AND tm.manifest_id = t.manifest_id
        ORDER BY d.registry, d.repository, t.tag
        """;

    /// <summary>
    /// Layer blobs referenced by more than one present manifest, most referenced first. Base family: the name of
    /// the family of the last snapshot day whose key is this layer, i.e. the first layer of images that carry no
    /// base digest annotation; null for other layers.
    /// </summary>
    public const string SelectSharedLayers = SnapshotDays + """
        SELECT g.name AS Registry,
               b.digest AS Digest,
               b.size_bytes AS SizeBytes,
               COUNT(DISTINCT rm.manifest_id)::integer AS ReferencingManifests,
               COUNT(DISTINCT rm.repository_id)::integer AS ReferencingRepositories,
               b.media_type AS MediaType,
               (SELECT f.name
                FROM daily_base_families f
                JOIN snapshot_days sd ON sd.registry_id = f.registry_id AND sd.day = f.day
                WHERE f.registry_id = g.id
                  AND f.family_key = b.digest) AS BaseFamily
        FROM repository_manifests rm
        JOIN repositories r ON r.id = rm.repository_id
        JOIN registries g ON g.id = r.registry_id
        JOIN manifest_blobs mb ON mb.manifest_id = rm.manifest_id AND mb.role = 'layer'
        JOIN blobs b ON b.id = mb.blob_id
        WHERE rm.deleted_at IS NULL
          AND r.deleted_at IS NULL
        GROUP BY g.id, g.name, b.id
        HAVING COUNT(DISTINCT rm.manifest_id) > 1
        ORDER BY ReferencingManifests DESC, b.size_bytes DESC, b.digest
        LIMIT @limit
        """;

    /// <summary>
    /// Untagged manifests, stale images, build caches and referrers whose subject is gone from their repository,
    /// with the exclusive bytes of the last snapshot day as freed bytes. A manifest is listed under its first
    /// matching kind in that order of precedence: build cache, orphaned referrer, untagged, stale.
    /// </summary>
    /// <remarks>
    /// Stale: a tagged image or index (not a referrer: those go with their subject) last pulled more than
    /// <c>@staleAfterPull</c> before the end of the snapshot day, or, when no pull is known, pushed more than
    /// <c>@staleAfterPush</c> before it.
    /// </remarks>
    public const string SelectDeadWeight = SnapshotDays + SnapshotTimes + """
        , classified AS (
            SELECT i.*,
                   rm.untagged_since,
                   m.subject_digest,
                   tm.pushed_at,
                   tm.pushed_source,
                   tm.last_pulled_at,
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
                       WHEN CARDINALITY(i.tags) > 0
                            AND i.kind IN ('image', 'index')
                            AND m.subject_digest IS NULL
                            AND CASE WHEN tm.last_pulled_at IS NOT NULL
                                     THEN tm.last_pulled_at < ((i.day + 1)::timestamp AT TIME ZONE 'UTC')
                                                              - @staleAfterPull
                                     ELSE tm.pushed_at < ((i.day + 1)::timestamp AT TIME ZONE 'UTC')
                                                         - @staleAfterPush
                                END THEN 'stale'
                   END AS dead_kind
            FROM daily_image_snapshots i
            JOIN snapshot_days sd ON sd.registry_id = i.registry_id AND sd.day = i.day
            JOIN manifests m ON m.id = i.manifest_id
            LEFT JOIN repository_manifests rm ON rm.repository_id = i.repository_id AND rm.manifest_id = i.manifest_id
            LEFT JOIN times tm
              ON tm.registry_id = i.registry_id AND tm.repository_id = i.repository_id
             AND tm.manifest_id = i.manifest_id
        )
        SELECT c.dead_kind AS Kind,
               d.registry AS Registry,
               d.repository AS Repository,
               c.tags[1] AS Tag,
               c.digest AS Digest,
               c.exclusive_bytes AS FreedBytes,
               CASE
                   WHEN c.dead_kind = 'stale' AND c.last_pulled_at IS NOT NULL
                       THEN (c.day - (c.last_pulled_at AT TIME ZONE 'UTC')::date)::integer
                   WHEN c.dead_kind = 'stale'
                       THEN (c.day - (c.pushed_at AT TIME ZONE 'UTC')::date)::integer
                   WHEN c.untagged_since IS NULL THEN NULL
                   ELSE (c.day - c.untagged_since::date)::integer
               END AS AgeDays,
               c.pushed_at AS PushedAt,
               c.last_pulled_at AS LastPulledAt,
               CASE
                   WHEN c.dead_kind = 'orphaned-referrer' THEN 'subject ' || c.subject_digest
                   WHEN c.dead_kind = 'stale' AND c.last_pulled_at IS NOT NULL THEN 'stale by last pull'
                   WHEN c.dead_kind = 'stale' THEN 'stale by age, no pull known; pushed: ' || c.pushed_source
               END AS Detail
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
