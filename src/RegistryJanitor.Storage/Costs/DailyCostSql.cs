using System.Globalization;
using System.Text;

namespace RegistryJanitor.Storage.Costs;

/// <summary>
/// The set-based statements of the daily cost computation, run in one transaction per registry and day. They
/// build temporary working tables (dropped at commit) and then replace the day's snapshot rows.
/// </summary>
/// <remarks>
/// The figures follow the product brief and equal those of the reference implementation
/// (<c>RegistryJanitor.Core.Sharing.SharingCalculator</c>), with one documented difference: exclusive bytes use
/// an ownership tree in which an untagged child belongs to its index only when exactly one present index lists
/// it, so a child listed by two indexes that are both deleted together is not counted as freed by either.
/// </remarks>
internal static class DailyCostSql
{
    // The computation sorts and hashes millions of rows in one session; the server default (often 4 MB) would
    // spill most of them to temporary files. SET LOCAL ends with the transaction.
    public const string SessionSettings = """
        SET LOCAL work_mem = '256MB'
        """;

    public const string CreatePresence = """
        CREATE TEMP TABLE cost_presence (
            presence_id    BIGINT  NOT NULL PRIMARY KEY,
            repository_id  BIGINT  NOT NULL,
            repository     TEXT    NOT NULL,
            manifest_id    BIGINT  NOT NULL,
            digest         TEXT    NOT NULL,
            kind           TEXT    NOT NULL,
            manifest_bytes BIGINT  NOT NULL,
            subject_digest TEXT,
            scope_key      BIGINT  NOT NULL,
            tags           TEXT[]  NOT NULL,
            newest_tag_at  TIMESTAMPTZ
        ) ON COMMIT DROP
        """;

    public const string FillPresence = """
        INSERT INTO cost_presence
        SELECT row_number() OVER (ORDER BY rm.repository_id, rm.manifest_id),
               rm.repository_id,
               r.name,
               rm.manifest_id,
               m.digest,
               m.kind,
               m.size_bytes,
               m.subject_digest,
               CASE WHEN @scopeByRepository THEN rm.repository_id ELSE 0 END,
               coalesce(t.tags, ARRAY[]::TEXT[]),
               t.newest_tag_at
        FROM repository_manifests AS rm
        JOIN repositories AS r ON r.id = rm.repository_id
        JOIN manifests AS m ON m.id = rm.manifest_id
        LEFT JOIN (
            SELECT repository_id, manifest_id, array_agg(name ORDER BY name) AS tags, max(updated_at) AS newest_tag_at
            FROM tags
            GROUP BY repository_id, manifest_id
        ) AS t ON t.repository_id = rm.repository_id AND t.manifest_id = rm.manifest_id
        WHERE r.registry_id = @registryId
          AND r.deleted_at IS NULL
          AND rm.deleted_at IS NULL
        """;

    // Presence ids follow (repository, manifest), so within one blob rows of a repository sit together. The sort
    // leads with the blob id: PostgreSQL's integer fast path then settles most comparisons on the first key,
    // which a constant scope key (0 for registry-wide deduplication) would defeat; the scope key is a sort key
    // only when it is the repository. {0} and {1}: the scope key after the blob id in the window and the
    // partition; {2}: the scope change test.
    private const string CreatePresenceBlobTemplate = """
        -- Every blob reference of every present manifest (config and layers) with its size, in one pass over
        -- manifest_blobs and one sort by blob (then dedup scope, when that is the repository). Neighbouring rows in
        -- that order tell whether a row is the first of its blob in the dedup scope, in the repository, and in the
        -- manifest (a manifest can list a blob twice);
        -- refs counts the present manifests of the scope referencing the blob. No grouping and no hashing of a
        -- million keys: the windows share the one sort. A layer row sorts before a config row of the same blob, so
        -- the first use of a blob that a manifest lists as a layer is a layer row.
        CREATE TEMP TABLE cost_presence_blob ON COMMIT DROP AS
        SELECT f.presence_id, f.blob_id, f.size, f.is_layer, f.position,
               f.first_in_scope, f.first_in_repository, f.first_use,
               sum(f.first_use::INTEGER) OVER (PARTITION BY f.blob_id{1}) AS refs
        FROM (
            SELECT k.*,
                   k.first_in_repository OR k.presence_id <> k.previous_presence AS first_use
            FROM (
                SELECT n.*,
                       n.first_in_scope OR n.repository_id <> n.previous_repository AS first_in_repository
                FROM (
                    SELECT r.*,
                           r.blob_id IS DISTINCT FROM lag(r.blob_id) OVER w{2} AS first_in_scope,
                           lag(r.repository_id) OVER w AS previous_repository,
                           lag(r.presence_id) OVER w AS previous_presence
                    FROM (
                        SELECT p.scope_key, mb.blob_id, p.repository_id, p.presence_id, b.size_bytes AS size,
                               mb.role = 'layer' AS is_layer, mb.position
                        FROM cost_presence AS p
                        JOIN manifest_blobs AS mb ON mb.manifest_id = p.manifest_id
                        JOIN blobs AS b ON b.id = mb.blob_id
                    ) AS r
                    WINDOW w AS (ORDER BY r.blob_id{0}, r.presence_id, r.is_layer DESC)
                ) AS n
            ) AS k
        ) AS f;
        ANALYZE cost_presence_blob;
        """;

    private static readonly CompositeFormat PresenceBlobFormat = CompositeFormat.Parse(CreatePresenceBlobTemplate);

    /// <summary>
    /// The statements that build <c>cost_presence_blob</c>, every blob reference of every present manifest with
    /// its first-use flags and reference count, for registry-wide or per-repository deduplication.
    /// </summary>
    public static string CreatePresenceBlob(bool scopeByRepository) => string.Format(
        CultureInfo.InvariantCulture,
        PresenceBlobFormat,
        scopeByRepository ? ", r.scope_key" : string.Empty,
        scopeByRepository ? ", f.scope_key" : string.Empty,
        scopeByRepository ? "\n                               OR r.scope_key <> lag(r.scope_key) OVER w" : string.Empty);

    public const string IndexPresence = """
        CREATE UNIQUE INDEX ON cost_presence (repository_id, manifest_id);
        ANALYZE cost_presence
        """;

    public const string BuildWorkingTables = """

        -- Present children of present indexes, within one repository.
        CREATE TEMP TABLE cost_child ON COMMIT DROP AS
        SELECT DISTINCT p.presence_id AS parent_id, c.presence_id AS child_id
        FROM cost_presence AS p
        JOIN manifest_children AS mc ON mc.parent_manifest_id = p.manifest_id
        JOIN cost_presence AS c ON c.repository_id = p.repository_id AND c.manifest_id = mc.child_manifest_id
        WHERE p.kind = 'index';
        CREATE INDEX ON cost_child (child_id);
        ANALYZE cost_child;

        -- Ownership: an untagged child belongs to its only index, an untagged referrer to its subject.
        CREATE TEMP TABLE cost_edge ON COMMIT DROP AS
        SELECT ch.parent_id, ch.child_id
        FROM cost_child AS ch
        JOIN cost_presence AS c ON c.presence_id = ch.child_id
        WHERE cardinality(c.tags) = 0
          AND ch.child_id IN (SELECT child_id FROM cost_child GROUP BY child_id HAVING count(*) = 1)
        UNION
        SELECT s.presence_id, r.presence_id
        FROM cost_presence AS r
        JOIN cost_presence AS s ON s.repository_id = r.repository_id AND s.digest = r.subject_digest
        WHERE r.subject_digest IS NOT NULL
          AND cardinality(r.tags) = 0;
        ANALYZE cost_edge;

        -- Each owning manifest with everything it owns, three levels deep (a referrer of a child of an index);
        -- joins of fixed depth instead of a recursive query, which PostgreSQL plans poorly on temporary tables.
        CREATE TEMP TABLE cost_member ON COMMIT DROP AS
        SELECT DISTINCT parent_id AS ancestor, parent_id AS member_id
        FROM cost_edge
        UNION ALL
        SELECT e1.parent_id, e1.child_id
        FROM cost_edge AS e1
        UNION ALL
        SELECT e1.parent_id, e2.child_id
        FROM cost_edge AS e1
        JOIN cost_edge AS e2 ON e2.parent_id = e1.child_id
        UNION ALL
        SELECT e1.parent_id, e3.child_id
        FROM cost_edge AS e1
        JOIN cost_edge AS e2 ON e2.parent_id = e1.child_id
        JOIN cost_edge AS e3 ON e3.parent_id = e2.child_id;
        ANALYZE cost_member;

        -- Per present manifest, in one grouping of the blob rows: image and cold pull bytes (a repeated blob counts
        -- each time the manifest lists it), amortized bytes, the exclusive bytes of a manifest that owns nothing
        -- (its blobs no other manifest references), the bytes of its blobs first in scope and repository, and its
        -- layer count and first layer (for base-image families).
        CREATE TEMP TABLE cost_image ON COMMIT DROP AS
        SELECT p.presence_id,
               CASE WHEN p.kind = 'index' THEN coalesce(ix.image_bytes, 0) ELSE coalesce(own.image_bytes, 0) END
                   AS image_bytes,
               CASE WHEN p.kind = 'index' THEN coalesce(ix.cold_bytes, 0) ELSE coalesce(own.cold_bytes, 0) END
                   AS cold_pull_bytes,
               coalesce(own.exclusive_bytes, 0) AS exclusive_bytes,
               coalesce(own.amortized_bytes, 0) AS amortized_bytes,
               coalesce(own.scope_first_bytes, 0) AS scope_first_bytes,
               coalesce(own.repository_first_bytes, 0) AS repository_first_bytes,
               coalesce(own.layer_count, 0) AS layer_count,
               own.first_layer_id
        FROM cost_presence AS p
        LEFT JOIN (
            SELECT presence_id,
                   sum(size) AS image_bytes,
                   sum(size) FILTER (WHERE is_layer) AS cold_bytes,
                   sum(size) FILTER (WHERE refs = 1 AND first_use) AS exclusive_bytes,
                   -- A blob of one manifest needs no division (most rows in a large registry).
                   coalesce(sum(size) FILTER (WHERE refs = 1 AND first_use), 0)
                       + coalesce(sum(size::NUMERIC / refs) FILTER (WHERE refs > 1 AND first_use), 0)
                       AS amortized_bytes,
                   sum(size) FILTER (WHERE first_in_scope) AS scope_first_bytes,
                   sum(size) FILTER (WHERE first_in_repository) AS repository_first_bytes,
                   count(*) FILTER (WHERE is_layer) AS layer_count,
                   min(blob_id) FILTER (WHERE is_layer AND position = 0) AS first_layer_id
            FROM cost_presence_blob
            GROUP BY presence_id
        ) AS own ON own.presence_id = p.presence_id
        LEFT JOIN (
            SELECT u.parent_id,
                   sum(u.size) AS image_bytes,
                   sum(u.size) FILTER (WHERE u.is_layer) AS cold_bytes
            FROM (
                SELECT ch.parent_id, pb.blob_id, max(pb.size) AS size, bool_or(pb.is_layer) AS is_layer
                FROM cost_child AS ch
                JOIN cost_presence_blob AS pb ON pb.presence_id = ch.child_id
                GROUP BY ch.parent_id, pb.blob_id
            ) AS u
            GROUP BY u.parent_id
        ) AS ix ON ix.parent_id = p.presence_id;
        CREATE UNIQUE INDEX ON cost_image (presence_id);

        -- A manifest that owns others (an index its untagged children, a subject its referrers) frees each blob
        -- whose every referencing manifest lies inside what it owns.
        UPDATE cost_image AS i
        SET exclusive_bytes = t.exclusive_bytes
        FROM (
            SELECT x.ancestor, coalesce(sum(x.size) FILTER (WHERE x.refs_inside = x.refs), 0) AS exclusive_bytes
            FROM (
                SELECT m.ancestor, max(pb.size) AS size, max(pb.refs) AS refs, count(*) AS refs_inside
                FROM cost_member AS m
                JOIN cost_presence_blob AS pb ON pb.presence_id = m.member_id AND pb.first_use
                GROUP BY m.ancestor, pb.blob_id
            ) AS x
            GROUP BY x.ancestor
        ) AS t
        WHERE i.presence_id = t.ancestor;

        -- An index's amortized bytes are its children's.
        UPDATE cost_image AS i
        SET amortized_bytes = s.amortized_bytes
        FROM (
            SELECT ch.parent_id, sum(ci.amortized_bytes) AS amortized_bytes
            FROM cost_child AS ch
            JOIN cost_image AS ci ON ci.presence_id = ch.child_id
            GROUP BY ch.parent_id
        ) AS s
        WHERE i.presence_id = s.parent_id;

        -- Each manifest document split evenly over the presences holding it in its dedup scope.
        CREATE TEMP TABLE cost_manifest_share ON COMMIT DROP AS
        SELECT p.presence_id,
               p.manifest_bytes::NUMERIC / count(*) OVER (PARTITION BY p.scope_key, p.manifest_id) AS share
        FROM cost_presence AS p;
        """;

    public const string SelectRegistrySummary = """
        SELECT (SELECT count(DISTINCT repository_id) FROM cost_presence)::INTEGER AS Repositories,
               (SELECT coalesce(sum(cardinality(tags)), 0) FROM cost_presence)::INTEGER AS Tags,
               (SELECT count(*) FROM cost_presence)::INTEGER AS Manifests,
               (SELECT coalesce(sum(cardinality(p.tags)::BIGINT * i.image_bytes), 0)
                FROM cost_presence AS p JOIN cost_image AS i USING (presence_id))::BIGINT AS LogicalBytes,
               ((SELECT coalesce(sum(scope_first_bytes), 0) FROM cost_image)
                + (SELECT coalesce(sum(manifest_bytes), 0)
                   FROM (SELECT DISTINCT scope_key, manifest_id, manifest_bytes FROM cost_presence) AS d))::BIGINT
                   AS StoredBytes
        """;
}
