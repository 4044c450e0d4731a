namespace RegistryJanitor.Storage.Reports;

/// <summary>
/// Statements that read the cost workbook's figures from the daily snapshots and monthly roll-ups the cost job
/// wrote. Bytes are those of the last snapshot day of the month for each registry; pulls and egress are summed
/// over the month's days.
/// </summary>
internal static class CostReportSql
{
    /// <summary>Per registry, the last day of the period that has a snapshot.</summary>
    private const string SnapshotDays = """
        WITH snapshot_days AS (
            SELECT registry_id, MAX(day) AS day
            FROM daily_registry_snapshots
            WHERE day >= @monthStart::date
              AND day < @monthEnd::date
            GROUP BY registry_id
        )
        """;

    public const string SelectSnapshotDay = SnapshotDays + """
        SELECT MAX(day)::timestamp
        FROM snapshot_days
        """;

    /// <summary>
    /// Registries of the last snapshot day. Billed storage is the provider's latest reading within the period (the
    /// last day that has one, its latest observation), which need not fall on the snapshot day; null without one.
    /// </summary>
    public const string SelectRegistries = SnapshotDays + """
        , month_sums AS (
            SELECT registry_id,
                   SUM(pulls) AS pulls,
                   SUM(egress_bytes) AS egress_bytes
            FROM daily_registry_snapshots
            WHERE day >= @monthStart::date
              AND day < @monthEnd::date
            GROUP BY registry_id
        ), pull_sources AS (
            SELECT registry_id,
                   STRING_AGG(DISTINCT pull_source, ', ' ORDER BY pull_source)
                       FILTER (WHERE pull_source <> 'none') AS pull_source
            FROM daily_snapshots
            WHERE day >= @monthStart::date
              AND day < @monthEnd::date
            GROUP BY registry_id
        ), billed AS (
            SELECT DISTINCT ON (registry) registry, billed_bytes
            FROM provider_billed_storage
            WHERE day >= @monthStart::date
              AND day < @monthEnd::date
            ORDER BY registry, day DESC, observed_at DESC, source
        )
        SELECT s.registry AS Registry,
               COALESCE(g.provider, 'unknown') AS Provider,
               s.repositories AS Repositories,
               s.tags AS Tags,
               s.manifests AS Manifests,
               s.logical_bytes AS LogicalBytes,
               s.stored_bytes AS StoredBytes,
               ROUND(m.pulls)::bigint AS Pulls,
               ROUND(m.egress_bytes)::bigint AS EgressBytes,
               COALESCE(p.pull_source, 'none') AS PullSource,
               b.billed_bytes AS BilledStorageBytes
        FROM daily_registry_snapshots s
        JOIN snapshot_days sd ON sd.registry_id = s.registry_id AND sd.day = s.day
        JOIN month_sums m ON m.registry_id = s.registry_id
        LEFT JOIN pull_sources p ON p.registry_id = s.registry_id
        LEFT JOIN registries g ON g.id = s.registry_id
        LEFT JOIN billed b ON b.registry = s.registry
        ORDER BY s.registry
        """;

    public const string SelectRepositories = SnapshotDays + """
        , month_sums AS (
            SELECT registry_id,
                   repository_id,
                   SUM(pulls) AS pulls,
                   SUM(egress_bytes) AS egress_bytes,
                   STRING_AGG(DISTINCT pull_source, ', ' ORDER BY pull_source)
                       FILTER (WHERE pull_source <> 'none') AS pull_source
            FROM daily_snapshots
            WHERE day >= @monthStart::date
              AND day < @monthEnd::date
            GROUP BY registry_id, repository_id
        )
        SELECT d.registry AS Registry,
               d.repository AS Repository,
               d.team AS Team,
               d.tags AS Tags,
               d.manifests AS Manifests,
               d.logical_bytes AS LogicalBytes,
               d.stored_bytes AS StoredBytes,
               ROUND(m.pulls)::bigint AS Pulls,
               ROUND(m.egress_bytes)::bigint AS EgressBytes,
               COALESCE(m.pull_source, 'none') AS PullSource
        FROM daily_snapshots d
        JOIN snapshot_days sd ON sd.registry_id = d.registry_id AND sd.day = d.day
        JOIN month_sums m ON m.registry_id = d.registry_id AND m.repository_id = d.repository_id
        ORDER BY d.registry, d.repository
        """;

    /// <summary>
    /// Teams of the last snapshot day. Stored bytes deduplicate blobs within each registry over the team's
    /// repositories (present manifests of the inventory), so a layer two of its repositories share counts once.
    /// </summary>
    public const string SelectTeams = SnapshotDays + """
        , team_repositories AS (
            SELECT d.registry_id, d.repository_id, d.team, d.tags, d.logical_bytes
            FROM daily_snapshots d
            JOIN snapshot_days sd ON sd.registry_id = d.registry_id AND sd.day = d.day
        ), month_sums AS (
            SELECT t.team, SUM(d.pulls) AS pulls, SUM(d.egress_bytes) AS egress_bytes
            FROM daily_snapshots d
            JOIN team_repositories t ON t.registry_id = d.registry_id AND t.repository_id = d.repository_id
            WHERE d.day >= @monthStart::date
              AND d.day < @monthEnd::date
            GROUP BY t.team
        ), rules AS (
            SELECT t.team,
                   STRING_AGG(DISTINCT CASE WHEN a.rule IS NULL THEN a.basis ELSE a.basis || ': ' || a.rule END,
                              '; ') AS allocation_rule
            FROM team_allocations a
            JOIN snapshot_days sd ON sd.registry_id = a.registry_id AND sd.day = a.day
            JOIN team_repositories t ON t.registry_id = a.registry_id AND t.repository_id = a.repository_id
            GROUP BY t.team
        ), team_manifests AS (
            SELECT DISTINCT t.team, t.registry_id, rm.manifest_id
            FROM team_repositories t
            JOIN repository_manifests rm ON rm.repository_id = t.repository_id AND rm.deleted_at IS NULL
        ), team_blobs AS (
            SELECT DISTINCT tm.team, tm.registry_id, mb.blob_id
            FROM team_manifests tm
            JOIN manifest_blobs mb ON mb.manifest_id = tm.manifest_id
        ), stored AS (
            SELECT team, SUM(bytes) AS stored_bytes
            FROM (
                SELECT tb.team, SUM(b.size_bytes) AS bytes
                FROM team_blobs tb
                JOIN blobs b ON b.id = tb.blob_id
                GROUP BY tb.team
                UNION ALL
                SELECT tm.team, SUM(m.size_bytes) AS bytes
                FROM team_manifests tm
                JOIN manifests m ON m.id = tm.manifest_id
                GROUP BY tm.team
            ) parts
            GROUP BY team
        )
        SELECT t.team AS Team,
               COALESCE(r.allocation_rule, 'unallocated') AS AllocationRule,
               COUNT(*)::integer AS Repositories,
               SUM(t.tags)::integer AS Tags,
               SUM(t.logical_bytes)::bigint AS LogicalBytes,
               COALESCE(MAX(s.stored_bytes), 0)::bigint AS StoredBytes,
               COALESCE(ROUND(MAX(m.pulls)), 0)::bigint AS Pulls,
               COALESCE(ROUND(MAX(m.egress_bytes)), 0)::bigint AS EgressBytes
        FROM team_repositories t
        LEFT JOIN rules r ON r.team = t.team
        LEFT JOIN stored s ON s.team = t.team
        LEFT JOIN month_sums m ON m.team = t.team
        GROUP BY t.team, r.allocation_rule
        ORDER BY t.team
        """;
}
