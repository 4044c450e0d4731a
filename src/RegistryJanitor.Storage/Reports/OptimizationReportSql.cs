namespace RegistryJanitor.Storage.Reports;

/// <summary>Statements that read the optimization workbook from the stored ranking runs.</summary>
internal static class OptimizationReportSql
{
    /// <summary>The last finished ranking run priced for a month (<c>@month</c>).</summary>
    public const string SelectLatestRun = """
        SELECT id AS Id, currency AS Currency
        FROM ranking_runs
        WHERE priced_month = @month::date
        ORDER BY finished_at DESC, id DESC
        LIMIT 1
        """;

    public const string SelectRanked = """
        SELECT i.rank AS Rank,
               i.registry AS Registry,
               i.repository AS Repository,
               i.tag AS Tag,
               i.manifest_digest AS Digest,
               i.scenario AS Scenario,
               i.storage_bytes_saved AS SavingsBytes,
               i.money_per_month::double precision AS SavingsPerMonth,
               COALESCE((
                   SELECT CASE MAX(CASE r ->> 'effort' WHEN 'small' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END)
                              WHEN 1 THEN 'low' WHEN 2 THEN 'medium' ELSE 'high' END
                   FROM JSONB_ARRAY_ELEMENTS(i.recommendations) r), 'low') AS Effort,
               CASE i.savings_confidence WHEN 'high' THEN 0.9 WHEN 'medium' THEN 0.6 ELSE 0.3 END::double precision
                   AS Confidence,
               COALESCE((
                   SELECT STRING_AGG(f.kind, ', ' ORDER BY
                              CASE f.severity WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END,
                              f.kind)
                   FROM ranked_findings f
                   WHERE f.ranking_run_id = i.ranking_run_id
                     AND f.registry = i.registry
                     AND f.repository = i.repository
                     AND f.tag = i.tag
                     AND f.status = 'present'), '') AS TopFindings,
               ARRAY_TO_STRING(i.scenario_reasons, '; ') AS Reasons
        FROM ranked_items i
        WHERE i.ranking_run_id = @runId
          AND i.rank > 0
        ORDER BY i.rank
        """;

    public const string SelectFindings = """
        SELECT f.registry AS Registry,
               f.repository AS Repository,
               f.tag AS Tag,
               i.manifest_digest AS Digest,
               CASE WHEN f.status = 'unknown' THEN f.kind || ' (unknown)' ELSE f.kind END AS Finding,
               f.severity AS Severity,
               (SELECT SUM((e ->> 'bytes')::bigint)
                FROM JSONB_ARRAY_ELEMENTS(f.evidence) e
                WHERE JSONB_TYPEOF(e -> 'bytes') = 'number')::bigint AS Bytes,
               f.summary || COALESCE(': ' || (
                   SELECT STRING_AGG(COALESCE(e ->> 'path', e ->> 'detail'), '; ')
                   FROM JSONB_ARRAY_ELEMENTS(f.evidence) e), '') AS Evidence
        FROM ranked_findings f
        JOIN ranked_items i
          ON i.ranking_run_id = f.ranking_run_id AND i.registry = f.registry
         AND i.repository = f.repository AND i.tag = f.tag
        WHERE f.ranking_run_id = @runId
        ORDER BY i.rank, f.registry, f.repository, f.tag, f.kind
        """;

    public const string SelectScenarioTotals = """
        SELECT scenario AS Scenario,
               COUNT(*)::integer AS Images,
               COALESCE(SUM(storage_bytes_saved), 0)::bigint AS SavingsBytes,
               COALESCE(SUM(money_per_month), 0)::double precision AS SavingsPerMonth
        FROM ranked_items
        WHERE ranking_run_id = @runId
        GROUP BY scenario
        """;

    public const string SelectFixes = """
        SELECT i.rank AS Rank,
               i.registry AS Registry,
               i.repository AS Repository,
               i.tag AS Tag,
               r ->> 'title' AS Recommendation,
               i.ecosystem AS Ecosystem,
               r ->> 'snippet' AS DockerfileChange
        FROM ranked_items i
        CROSS JOIN LATERAL JSONB_ARRAY_ELEMENTS(i.recommendations) WITH ORDINALITY AS rec(r, ordinal)
        WHERE i.ranking_run_id = @runId
          AND i.rank > 0
          AND COALESCE(r ->> 'snippet', '') <> ''
        ORDER BY i.rank, rec.ordinal
        """;

    /// <summary>
    /// The previous run's top items against the current run: gone when the tag is no longer ranked, fixed when
    /// its removable bytes or its present findings went down, open otherwise.
    /// </summary>
    public const string SelectProgress = """
        WITH findings AS (
            SELECT ranking_run_id, registry, repository, tag, COUNT(*) AS present
            FROM ranked_findings
            WHERE ranking_run_id IN (@previousRunId, @runId)
              AND status = 'present'
            GROUP BY ranking_run_id, registry, repository, tag
        )
        SELECT p.rank AS PreviousRank,
               p.registry AS Registry,
               p.repository AS Repository,
               p.tag AS Tag,
               p.manifest_digest AS Digest,
               p.money_per_month::double precision AS SavingsPerMonthThen,
               CASE
                   WHEN c.tag IS NULL THEN 'gone'
                   WHEN c.removable_bytes < p.removable_bytes
                        OR COALESCE(cf.present, 0) < COALESCE(pf.present, 0) THEN 'fixed'
                   ELSE 'open'
               END AS Status,
               CASE WHEN c.tag IS NULL THEN 'no longer ranked'
                    ELSE 'removable bytes ' || p.removable_bytes || ' -> ' || c.removable_bytes
                         || ', findings ' || COALESCE(pf.present, 0) || ' -> ' || COALESCE(cf.present, 0)
               END AS Detail
        FROM ranked_items p
        LEFT JOIN ranked_items c
          ON c.ranking_run_id = @runId AND c.registry = p.registry
         AND c.repository = p.repository AND c.tag = p.tag
        LEFT JOIN findings pf
          ON pf.ranking_run_id = p.ranking_run_id AND pf.registry = p.registry
         AND pf.repository = p.repository AND pf.tag = p.tag
        LEFT JOIN findings cf
          ON cf.ranking_run_id = @runId AND cf.registry = p.registry
         AND cf.repository = p.repository AND cf.tag = p.tag
        WHERE p.ranking_run_id = @previousRunId
          AND p.rank BETWEEN 1 AND @top
        ORDER BY p.rank
        """;
}
