namespace RegistryJanitor.Storage.Ranking;

/// <summary>The set-based query that reads ranking evidence from the inventory tables.</summary>
internal static class ImageEvidenceSql
{
    // One statement for all selected tags; the newest tag of a repository is its newest runnable one, so
    // signature, SBOM and cache tags pushed after an image do not hide it. Newest means created last (the config
    // created time; for an index its newest platform child), then first seen last at its manifest: a first scan
    // sees every tag at once, so scan time alone would pick by name. An index is ranked through its
    // first runnable child (amd64 first);
    // referrers count whether they point at the index or at that child. Pushes per month take the larger of
    // tag moves observed after the repository's first scan and configs created in the window, so a first scan
    // (where every tag is "added" at once) does not look like a burst of pushes. Tags named on request are
    // selected beside the newest ones, whatever their recency.
    public const string Select = """
        WITH selected AS (
            SELECT t.repository_id, t.name AS tag, t.manifest_id, r.name AS repository, g.name AS registry,
                   g.url AS registry_url,
                   r.first_seen_at,
                   row_number() OVER (
                       PARTITION BY t.repository_id
                       ORDER BY (tm.kind IN ('image', 'index')) DESC, built.created_at DESC NULLS LAST,
                                t.updated_at DESC, t.name) AS recency
            FROM tags AS t
            JOIN manifests AS tm ON tm.id = t.manifest_id
            CROSS JOIN LATERAL (
                SELECT COALESCE(tm.created_at, (
                    SELECT max(cm.created_at)
                    FROM manifest_children AS mc
                    JOIN manifests AS cm ON cm.id = mc.child_manifest_id
                    WHERE mc.parent_manifest_id = tm.id
                      AND NOT mc.is_attestation)) AS created_at
            ) AS built
            JOIN repositories AS r ON r.id = t.repository_id AND r.deleted_at IS NULL
            JOIN registries AS g ON g.id = r.registry_id
            WHERE @registry::text IS NULL OR g.name = @registry
        ),
        chosen AS (
            SELECT s.*, m.digest, m.kind, m.media_type, m.annotations,
                   COALESCE(
                       CASE WHEN m.kind = 'index' THEN (
                           SELECT mc.child_manifest_id
                           FROM manifest_children AS mc
                           WHERE mc.parent_manifest_id = m.id
                             AND NOT mc.is_attestation
                             AND mc.child_manifest_id IS NOT NULL
                           ORDER BY (mc.architecture = 'amd64') DESC, mc.position
                           LIMIT 1)
                       END,
                       m.id) AS image_manifest_id
            FROM selected AS s
            JOIN manifests AS m ON m.id = s.manifest_id
            WHERE @allTags
               OR s.recency = 1
               OR (s.repository, s.tag) IN (
                   SELECT q.repository, q.tag
                   FROM unnest(@tagRepositories::text[], @tagNames::text[]) AS q(repository, tag))
        )
        SELECT c.registry AS Registry, c.registry_url AS RegistryUrl, c.repository AS Repository, c.tag AS Tag,
               c.digest AS Digest,
               c.kind AS Kind, c.media_type AS MediaType, c.annotations::text AS Annotations,
               c.image_manifest_id AS ImageManifestId,
               (im.history IS NOT NULL) AS HasConfig, im.created_at AS CreatedAt, im.os AS Os,
               im.architecture AS Architecture, im.variant AS Variant, im.config_user AS ConfigUser,
               im.env_names AS EnvNames, im.labels::text AS Labels, im.healthcheck AS Healthcheck,
               im.exposed_ports AS ExposedPorts, im.history::text AS History,
               COALESCE(im.config_size_bytes, 0) AS ConfigSizeBytes,
               COALESCE(layers.digests, '{}') AS LayerDigests,
               COALESCE(layers.sizes, '{}') AS LayerSizes,
               COALESCE(layers.shared, '{}') AS LayerShared,
               (SELECT count(*)
                FROM tags AS t2
                JOIN manifests AS m2 ON m2.id = t2.manifest_id
                WHERE t2.repository_id = c.repository_id
                  AND m2.kind IN ('image', 'index')) AS RetainedTags,
               GREATEST(
                   (SELECT count(*)
                    FROM tag_history AS th
                    WHERE th.repository_id = c.repository_id
                      AND th.change IN ('added', 'moved')
                      AND th.observed_at > c.first_seen_at + INTERVAL '1 hour'
                      AND th.observed_at >= @since),
                   (SELECT count(DISTINCT rm.manifest_id)
                    FROM repository_manifests AS rm
                    JOIN manifests AS pm ON pm.id = rm.manifest_id
                    WHERE rm.repository_id = c.repository_id
                      AND pm.kind = 'image'
                      AND pm.created_at >= @since))::numeric / @windowMonths AS PushesPerMonth,
               (SELECT count(*)
                FROM repository_manifests AS rm
                JOIN manifests AS bm ON bm.id = rm.manifest_id
                WHERE rm.repository_id = c.repository_id
                  AND rm.deleted_at IS NULL
                  AND bm.kind = 'build_cache') AS BuildCaches,
               EXISTS (SELECT 1 FROM manifests AS s
                       WHERE s.subject_digest IN (c.digest, im.digest) AND s.kind = 'signature') AS HasSignature,
               EXISTS (SELECT 1 FROM manifests AS s
                       WHERE s.subject_digest IN (c.digest, im.digest) AND s.kind = 'sbom') AS HasSbom,
               (EXISTS (SELECT 1 FROM manifests AS s
                        WHERE s.subject_digest IN (c.digest, im.digest) AND s.kind = 'attestation')
                OR EXISTS (SELECT 1 FROM manifest_children AS mc
                           WHERE mc.parent_manifest_id = c.manifest_id AND mc.is_attestation)) AS HasAttestation,
               COALESCE(pulls.total, 0) AS Pulls,
               pulls.source AS PullSource
        FROM chosen AS c
        JOIN manifests AS im ON im.id = c.image_manifest_id
        LEFT JOIN LATERAL (
            SELECT array_agg(b.digest ORDER BY mb.position) AS digests,
                   array_agg(b.size_bytes ORDER BY mb.position) AS sizes,
                   array_agg(EXISTS (
                       SELECT 1
                       FROM manifest_blobs AS other
                       JOIN repository_manifests AS orm
                         ON orm.manifest_id = other.manifest_id AND orm.deleted_at IS NULL
                       WHERE other.blob_id = mb.blob_id
                         AND other.manifest_id <> mb.manifest_id) ORDER BY mb.position) AS shared
            FROM manifest_blobs AS mb
            JOIN blobs AS b ON b.id = mb.blob_id
            WHERE mb.manifest_id = im.id
              AND mb.role = 'layer'
        ) AS layers ON TRUE
        LEFT JOIN LATERAL (
            SELECT sum(pc.pull_count)::bigint AS total, min(pc.source) AS source
            FROM pull_counts AS pc
            WHERE pc.registry = c.registry
              AND pc.repository = c.repository
              AND pc.manifest_digest IN (c.digest, im.digest)
              AND pc.day >= @sinceDay
        ) AS pulls ON TRUE
        ORDER BY c.registry, c.repository, c.tag
        """;

    /// <summary>The requested tags no selected registry holds, and whether their repository is known at all.</summary>
    public const string SelectUnknownTags = """
        SELECT q.repository AS Repository, q.tag AS Tag,
               EXISTS (
                   SELECT 1
                   FROM repositories AS r
                   JOIN registries AS g ON g.id = r.registry_id
                   WHERE r.name = q.repository
                     AND r.deleted_at IS NULL
                     AND (@registry::text IS NULL OR g.name = @registry)) AS RepositoryKnown
        FROM unnest(@tagRepositories::text[], @tagNames::text[]) WITH ORDINALITY AS q(repository, tag, ordinal)
        WHERE NOT EXISTS (
            SELECT 1
            FROM tags AS t
            JOIN repositories AS r ON r.id = t.repository_id AND r.deleted_at IS NULL
            JOIN registries AS g ON g.id = r.registry_id
            WHERE r.name = q.repository
              AND t.name = q.tag
              AND (@registry::text IS NULL OR g.name = @registry))
        ORDER BY q.ordinal
        """;
}
