namespace RegistryJanitor.Storage.Costs;

/// <summary>
/// Statements of the daily cost computation for per-tag pull bytes and base-image families. They run after
/// <see cref="DailyCostSql.BuildWorkingTables"/> in the same transaction and read its working tables.
/// </summary>
/// <remarks>
/// The figures equal those of <c>RegistryJanitor.Core.Sharing.SharingCalculator.Tags</c> and
/// <c>RegistryJanitor.Core.Sharing.BaseImageFamilyFinder.Find</c> (at least two members). Tags of equal push
/// time are ordered by name in byte order, as the reference orders them ordinally.
/// </remarks>
internal static class DailySharingSql
{
    public const string ReplaceTagSnapshots = """
        -- Each tag with the tag pushed just before it in its repository.
        CREATE TEMP TABLE cost_tag ON COMMIT DROP AS
        SELECT t.repository_id, t.name AS tag, p.presence_id, p.manifest_id, p.digest,
               lag(t.name) OVER w AS previous_tag,
               lag(p.presence_id) OVER w AS previous_presence_id
        FROM tags AS t
        JOIN cost_presence AS p ON p.repository_id = t.repository_id AND p.manifest_id = t.manifest_id
        WINDOW w AS (PARTITION BY t.repository_id ORDER BY t.updated_at, t.name COLLATE "C");
        ANALYZE cost_tag;

        DELETE FROM daily_tag_snapshots WHERE day = @day AND registry_id = @registryId;

        -- The layers one pull of a tagged manifest transfers: an image's layer references as listed, an index's
        -- children's layers each once. Incremental bytes are the cold bytes less the current layers that the
        -- previous tag's pull already brought; an image's first use of a blob stands for its layers of that blob.
        WITH index_layer AS MATERIALIZED (
            SELECT DISTINCT ch.parent_id AS presence_id, pb.blob_id, pb.size
            FROM cost_child AS ch
            JOIN cost_presence_blob AS pb ON pb.presence_id = ch.child_id AND pb.is_layer
            WHERE ch.parent_id IN (SELECT presence_id FROM cost_tag)
        ),
        already_pulled AS (
            SELECT t.repository_id, t.tag, c.size
            FROM cost_tag AS t
            JOIN cost_presence_blob AS c ON c.presence_id = t.presence_id AND c.is_layer
            JOIN cost_presence_blob AS v
                ON v.presence_id = t.previous_presence_id AND v.blob_id = c.blob_id AND v.is_layer AND v.first_use
            WHERE t.previous_presence_id <> t.presence_id
            UNION ALL
            SELECT t.repository_id, t.tag, c.size
            FROM cost_tag AS t
            JOIN cost_presence_blob AS c ON c.presence_id = t.presence_id AND c.is_layer
            JOIN index_layer AS v ON v.presence_id = t.previous_presence_id AND v.blob_id = c.blob_id
            WHERE t.previous_presence_id <> t.presence_id
            UNION ALL
            SELECT t.repository_id, t.tag, c.size
            FROM cost_tag AS t
            JOIN index_layer AS c ON c.presence_id = t.presence_id
            WHERE t.previous_presence_id <> t.presence_id
              AND EXISTS (
                  SELECT 1
                  FROM cost_presence_blob AS v
                  WHERE v.presence_id = t.previous_presence_id
                    AND v.blob_id = c.blob_id
                    AND v.is_layer
                    AND v.first_use
                  UNION ALL
                  SELECT 1
                  FROM index_layer AS v
                  WHERE v.presence_id = t.previous_presence_id
                    AND v.blob_id = c.blob_id)
        ),
        already_pulled_bytes AS (
            SELECT repository_id, tag, sum(size) AS bytes
            FROM already_pulled
            GROUP BY repository_id, tag
        )
        INSERT INTO daily_tag_snapshots
        SELECT @day, @registryId, t.repository_id, t.tag, t.manifest_id, t.digest, t.previous_tag,
               i.cold_pull_bytes,
               CASE
                   WHEN t.previous_presence_id = t.presence_id THEN 0
                   ELSE i.cold_pull_bytes - coalesce(a.bytes, 0)
               END
        FROM cost_tag AS t
        JOIN cost_image AS i ON i.presence_id = t.presence_id
        LEFT JOIN already_pulled_bytes AS a ON a.repository_id = t.repository_id AND a.tag = t.tag;
        """;

    public const string ReplaceBaseFamilies = """
        -- Every present image with at least one layer, keyed by its base digest annotation, else its first layer.
        CREATE TEMP TABLE cost_family_presence ON COMMIT DROP AS
        SELECT p.presence_id, p.manifest_id, p.repository_id, p.digest, i.layer_count, b.digest AS first_layer,
               coalesce(nullif(m.annotations ->> 'org.opencontainers.image.base.digest', ''), b.digest)
                   AS family_key,
               nullif(m.annotations ->> 'org.opencontainers.image.base.name', '') AS base_name
        FROM cost_presence AS p
        JOIN cost_image AS i ON i.presence_id = p.presence_id
        JOIN blobs AS b ON b.id = i.first_layer_id
        JOIN manifests AS m ON m.id = p.manifest_id
        WHERE p.kind = 'image';

        -- Families of two or more distinct images; the member with the smallest digest is the reference the
        -- others are compared with (any member would give the same common prefix) and names a nameless family.
        CREATE TEMP TABLE cost_family ON COMMIT DROP AS
        SELECT row_number() OVER (ORDER BY family_key) AS family_id, g.*
        FROM (
            SELECT family_key,
                   count(DISTINCT manifest_id) AS members,
                   count(DISTINCT repository_id) AS repositories,
                   min(layer_count) AS min_layers,
                   (array_agg(presence_id ORDER BY digest COLLATE "C", presence_id))[1] AS reference_id,
                   (array_agg(first_layer ORDER BY digest COLLATE "C", presence_id))[1] AS reference_first_layer
            FROM cost_family_presence
            GROUP BY family_key
            HAVING count(DISTINCT manifest_id) >= 2
        ) AS g;
        ANALYZE cost_family;

        CREATE TEMP TABLE cost_family_member ON COMMIT DROP AS
        SELECT fp.presence_id, f.family_id, f.min_layers
        FROM cost_family_presence AS fp
        JOIN cost_family AS f ON f.family_key = fp.family_key;
        ANALYZE cost_family_member;

        CREATE TEMP TABLE cost_family_reference_layer ON COMMIT DROP AS
        SELECT f.family_id, pb.position, pb.blob_id, pb.size
        FROM cost_family AS f
        JOIN cost_presence_blob AS pb ON pb.presence_id = f.reference_id AND pb.is_layer;
        ANALYZE cost_family_reference_layer;

        -- The common prefix ends where a member first differs from the reference, or at the shortest member's end.
        CREATE TEMP TABLE cost_family_prefix ON COMMIT DROP AS
        SELECT f.family_id, least(f.min_layers, coalesce(d.first_difference, f.min_layers)) AS layers
        FROM cost_family AS f
        LEFT JOIN (
            SELECT m.family_id, min(pb.position) AS first_difference
            FROM cost_presence_blob AS pb
            JOIN cost_family_member AS m ON m.presence_id = pb.presence_id
            LEFT JOIN cost_family_reference_layer AS r ON r.family_id = m.family_id AND r.position = pb.position
            WHERE pb.is_layer
              AND pb.position < m.min_layers
              AND r.blob_id IS DISTINCT FROM pb.blob_id
            GROUP BY m.family_id
        ) AS d ON d.family_id = f.family_id;

        -- The base name annotation most distinct members carry (ties: the first name in byte order).
        CREATE TEMP TABLE cost_family_name ON COMMIT DROP AS
        SELECT DISTINCT ON (c.family_key) c.family_key, c.base_name
        FROM (
            SELECT family_key, base_name, count(DISTINCT manifest_id) AS carriers
            FROM cost_family_presence
            WHERE base_name IS NOT NULL
            GROUP BY family_key, base_name
        ) AS c
        ORDER BY c.family_key, c.carriers DESC, c.base_name COLLATE "C";

        DELETE FROM daily_base_families WHERE day = @day AND registry_id = @registryId;

        INSERT INTO daily_base_families
        SELECT @day, @registryId, f.family_key,
               coalesce(n.base_name, 'layers from '
                   || left(substr(f.reference_first_layer, strpos(f.reference_first_layer, ':') + 1), 12)),
               f.members, f.repositories, x.layers, coalesce(s.bytes, 0), coalesce(s.bytes, 0) * (f.members - 1)
        FROM cost_family AS f
        JOIN cost_family_prefix AS x ON x.family_id = f.family_id
        LEFT JOIN cost_family_name AS n ON n.family_key = f.family_key
        LEFT JOIN (
            SELECT r.family_id, sum(r.size) AS bytes
            FROM cost_family_reference_layer AS r
            JOIN cost_family_prefix AS x ON x.family_id = r.family_id
            WHERE r.position < x.layers
            GROUP BY r.family_id
        ) AS s ON s.family_id = f.family_id;
        """;
}
