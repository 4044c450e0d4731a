namespace RegistryJanitor.Storage.Costs;

/// <summary>Statements of the daily cost computation that allocate pulls and teams and write the rows.</summary>
internal static class DailyCostWriteSql
{
    public const string AllocatePullsAndTeams = """
        -- The newest tagged runnable image of each repository (another tagged manifest when it has none):
        -- it gets repository-level counts and assumptions, and its labels name the team.
        CREATE TEMP TABLE cost_newest ON COMMIT DROP AS
        SELECT DISTINCT ON (repository_id) repository_id, presence_id
        FROM cost_presence
        WHERE newest_tag_at IS NOT NULL
        ORDER BY repository_id, (kind IN ('image', 'index')) DESC, newest_tag_at DESC, presence_id DESC;

        CREATE TEMP TABLE cost_repository ON COMMIT DROP AS
        SELECT DISTINCT repository_id, repository
        FROM cost_presence;

        CREATE TEMP TABLE cost_pulls (presence_id BIGINT NOT NULL, pulls NUMERIC NOT NULL, source TEXT NOT NULL)
            ON COMMIT DROP;

        INSERT INTO cost_pulls
        SELECT p.presence_id, pc.pull_count, pc.source
        FROM pull_counts AS pc
        JOIN cost_presence AS p ON p.repository = pc.repository AND p.digest = pc.manifest_digest
        WHERE pc.registry = @registry
          AND pc.day = @day
          AND pc.source <> 'configured-assumption';

        INSERT INTO cost_pulls
        SELECT n.presence_id, pc.pull_count, pc.source
        FROM pull_counts AS pc
        JOIN cost_repository AS r ON r.repository = pc.repository
        JOIN cost_newest AS n ON n.repository_id = r.repository_id
        WHERE pc.registry = @registry
          AND pc.day = @day
          AND pc.manifest_digest = ''
          AND pc.source <> 'configured-assumption';

        INSERT INTO cost_pulls
        SELECT n.presence_id, a.pulls_per_day, 'configured-assumption'
        FROM cost_newest AS n
        JOIN cost_repository AS r ON r.repository_id = n.repository_id
        CROSS JOIN LATERAL (
            SELECT x.pulls_per_day
            FROM unnest(@assumptionPatterns::TEXT[], @assumptionPullsPerDay::NUMERIC[])
                WITH ORDINALITY AS x (pattern, pulls_per_day, ordinal)
            WHERE r.repository ~ x.pattern
            ORDER BY x.ordinal
            LIMIT 1
        ) AS a
        WHERE NOT EXISTS (
            SELECT 1
            FROM cost_pulls AS cp
            JOIN cost_presence AS p ON p.presence_id = cp.presence_id
            WHERE p.repository_id = n.repository_id
        );

        CREATE TEMP TABLE cost_pulls_total ON COMMIT DROP AS
        SELECT presence_id,
               sum(pulls) AS pulls,
               CASE WHEN count(DISTINCT source) = 1 THEN min(source) ELSE 'mixed' END AS source
        FROM cost_pulls
        GROUP BY presence_id;

        -- Team: the label of the newest image, else the longest matching prefix, else unallocated.
        CREATE TEMP TABLE cost_team (
            repository_id BIGINT NOT NULL PRIMARY KEY,
            repository    TEXT   NOT NULL,
            team          TEXT   NOT NULL,
            basis         TEXT   NOT NULL,
            rule          TEXT
        ) ON COMMIT DROP;

        INSERT INTO cost_team
        SELECT r.repository_id,
               r.repository,
               coalesce(lbl.team, pr.team, @unallocatedTeam) AS team,
               CASE
                   WHEN lbl.team IS NOT NULL THEN 'label'
                   WHEN pr.team IS NOT NULL THEN 'prefix'
                   ELSE 'unallocated'
               END AS basis,
               CASE WHEN lbl.team IS NOT NULL THEN @labelKey ELSE pr.prefix END AS rule
        FROM cost_repository AS r
        LEFT JOIN cost_newest AS n ON n.repository_id = r.repository_id
        LEFT JOIN cost_presence AS np ON np.presence_id = n.presence_id
        LEFT JOIN LATERAL (
            SELECT nullif(btrim(m.labels ->> @labelKey), '') AS team
            FROM manifests AS m
            WHERE m.id = np.manifest_id
              AND @labelKey <> ''
        ) AS lbl ON TRUE
        LEFT JOIN LATERAL (
            SELECT x.prefix, x.team
            FROM unnest(@prefixes::TEXT[], @teams::TEXT[]) AS x (prefix, team)
            WHERE starts_with(r.repository, x.prefix)
            ORDER BY length(x.prefix) DESC
            LIMIT 1
        ) AS pr ON TRUE;
        """;

    public const string ReplaceDay = """
        DELETE FROM daily_image_snapshots WHERE day = @day AND registry_id = @registryId;
        DELETE FROM daily_snapshots WHERE day = @day AND registry_id = @registryId;
        DELETE FROM daily_registry_snapshots WHERE day = @day AND registry_id = @registryId;
        DELETE FROM team_allocations WHERE day = @day AND registry_id = @registryId;

        INSERT INTO daily_image_snapshots
        SELECT @day, @registryId, p.repository_id, p.manifest_id, p.digest, p.kind, p.tags,
               i.image_bytes, i.exclusive_bytes, i.amortized_bytes, i.cold_pull_bytes,
               coalesce(pl.pulls, 0), coalesce(pl.source, 'none'),
               coalesce(pl.pulls, 0) * i.cold_pull_bytes,
               (i.amortized_bytes + s.share) * @storageCostPerByte,
               coalesce(pl.pulls, 0) * i.cold_pull_bytes * @egressPricePerByte
        FROM cost_presence AS p
        JOIN cost_image AS i ON i.presence_id = p.presence_id
        JOIN cost_manifest_share AS s ON s.presence_id = p.presence_id
        LEFT JOIN cost_pulls_total AS pl ON pl.presence_id = p.presence_id;

        INSERT INTO team_allocations
        SELECT @day, @registryId, repository_id, repository, team, basis, rule
        FROM cost_team;

        INSERT INTO daily_snapshots
        SELECT @day, @registryId, a.repository_id, @registry, a.repository, t.team, a.tags, a.manifests,
               a.logical_bytes, a.blob_bytes + a.manifest_bytes, a.weight, a.pulls,
               CASE WHEN a.sources = 0 THEN 'none' WHEN a.sources = 1 THEN a.one_source ELSE 'mixed' END,
               a.egress_bytes, a.weight * @storageCostPerByte, a.egress_bytes * @egressPricePerByte
        FROM (
            SELECT p.repository_id,
                   min(p.repository) AS repository,
                   sum(cardinality(p.tags))::INTEGER AS tags,
                   count(*)::INTEGER AS manifests,
                   sum(cardinality(p.tags)::BIGINT * i.image_bytes)::BIGINT AS logical_bytes,
                   sum(p.manifest_bytes)::BIGINT AS manifest_bytes,
                   sum(i.repository_first_bytes)::BIGINT AS blob_bytes,
                   sum(CASE WHEN p.kind = 'index' THEN 0 ELSE i.amortized_bytes END + s.share) AS weight,
                   coalesce(sum(pl.pulls), 0) AS pulls,
                   count(DISTINCT pl.source) AS sources,
                   min(pl.source) AS one_source,
                   coalesce(sum(pl.pulls * i.cold_pull_bytes), 0) AS egress_bytes
            FROM cost_presence AS p
            JOIN cost_image AS i ON i.presence_id = p.presence_id
            JOIN cost_manifest_share AS s ON s.presence_id = p.presence_id
            LEFT JOIN cost_pulls_total AS pl ON pl.presence_id = p.presence_id
            GROUP BY p.repository_id
        ) AS a
        JOIN cost_team AS t ON t.repository_id = a.repository_id;

        INSERT INTO daily_registry_snapshots
        SELECT @day, @registryId, @registry, @dedupScope, @repositories, @tags, @manifests, @logicalBytes,
               @storedBytes, coalesce(sum(pulls), 0), coalesce(sum(egress_bytes), 0), @pricingProfile, @currency,
               @dailyStorageCost, coalesce(sum(egress_cost), 0), @computedAt
        FROM daily_snapshots
        WHERE day = @day
          AND registry_id = @registryId;

        DELETE FROM monthly_rollups WHERE month = @month AND registry_id = @registryId;

        INSERT INTO monthly_rollups
        SELECT @month, registry_id, repository_id, min(registry), min(repository),
               (array_agg(team ORDER BY day DESC))[1], count(*)::INTEGER, avg(logical_bytes), avg(stored_bytes),
               sum(pulls), sum(egress_bytes), sum(storage_cost), sum(egress_cost), @computedAt
        FROM daily_snapshots
        WHERE registry_id = @registryId
          AND day >= @month
          AND day < (@month + INTERVAL '1 month')::DATE
        GROUP BY registry_id, repository_id;
        """;
}
