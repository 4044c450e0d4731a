namespace RegistryJanitor.Storage.Inventory;

/// <summary>The SQL of <see cref="InventoryWriter"/>.</summary>
public sealed partial class InventoryWriter
{
    private const string UpsertRepositorySql = """
        INSERT INTO repositories (registry_id, name, first_seen_at, last_seen_at, deleted_at, last_scanned_at)
        VALUES (@registryId, @name, @now, @now, NULL, @now)
        ON CONFLICT (registry_id, name) DO UPDATE
        SET last_seen_at = EXCLUDED.last_seen_at,
            deleted_at = NULL,
            last_scanned_at = EXCLUDED.last_scanned_at
        RETURNING id
        """;

    // Sorted input gives every transaction the same lock order, so concurrent repositories sharing
    // layers wait for each other instead of deadlocking.
    private const string InsertBlobsSql = """
        INSERT INTO blobs (digest, size_bytes, media_type)
        SELECT b.digest, b.size_bytes, b.media_type
        FROM UNNEST(@digests::text[], @sizes::bigint[], @mediaTypes::text[]) AS b (digest, size_bytes, media_type)
        ORDER BY b.digest
        ON CONFLICT (digest) DO NOTHING
        RETURNING size_bytes
        """;

    private const string CreateStagingSql = """
        CREATE TEMP TABLE IF NOT EXISTS scan_manifests (
            digest text, media_type text, kind text, artifact_type text, size_bytes bigint,
            config_digest text, config_media_type text, config_size_bytes bigint, subject_digest text,
            annotations jsonb, created_at timestamptz, os text, architecture text, variant text,
            config_user text, env_names text[], labels jsonb, healthcheck text[], exposed_ports text[],
            history jsonb, layer_count integer, error text
        ) ON COMMIT DROP;
        CREATE TEMP TABLE IF NOT EXISTS scan_manifest_blobs (
            manifest_digest text, role text, position integer, blob_digest text, media_type text
        ) ON COMMIT DROP;
        CREATE TEMP TABLE IF NOT EXISTS scan_manifest_children (
            parent_digest text, position integer, child_digest text, media_type text, size_bytes bigint,
            os text, architecture text, variant text, os_version text, is_attestation boolean,
            attests_digest text
        ) ON COMMIT DROP;
        """;

    private const string CopyManifestsSql = """
        COPY scan_manifests (
            digest, media_type, kind, artifact_type, size_bytes, config_digest, config_media_type,
            config_size_bytes, subject_digest, annotations, created_at, os, architecture, variant, config_user,
            env_names, labels, healthcheck, exposed_ports, history, layer_count, error
        ) FROM STDIN (FORMAT BINARY)
        """;

    private const string InsertManifestsSql = """
        INSERT INTO manifests (
            digest, media_type, kind, artifact_type, size_bytes, config_digest, config_media_type,
            config_size_bytes, subject_digest, annotations, created_at, os, architecture, variant, config_user,
            env_names, labels, healthcheck, exposed_ports, history, layer_count, error, first_seen_at)
        SELECT digest, media_type, kind, artifact_type, size_bytes, config_digest, config_media_type,
            config_size_bytes, subject_digest, annotations, created_at, os, architecture, variant, config_user,
            env_names, labels, healthcheck, exposed_ports, history, layer_count, error, @now
        FROM scan_manifests
        ORDER BY digest
        ON CONFLICT (digest) DO NOTHING
        """;

    private const string CopyBlobLinksSql = """
        COPY scan_manifest_blobs (manifest_digest, role, position, blob_digest, media_type)
        FROM STDIN (FORMAT BINARY)
        """;

    private const string CopyChildrenSql = """
        COPY scan_manifest_children (
            parent_digest, position, child_digest, media_type, size_bytes, os, architecture, variant, os_version,
            is_attestation, attests_digest
        ) FROM STDIN (FORMAT BINARY)
        """;

    private const string InsertBlobLinksSql = """
        INSERT INTO manifest_blobs (manifest_id, role, position, blob_id, media_type)
        SELECT m.id, s.role, s.position, b.id, s.media_type
        FROM scan_manifest_blobs AS s
        JOIN manifests AS m ON m.digest = s.manifest_digest
        JOIN blobs AS b ON b.digest = s.blob_digest
        ORDER BY m.id, s.role, s.position
        ON CONFLICT (manifest_id, role, position) DO NOTHING
        """;

    private const string InsertChildrenSql = """
        INSERT INTO manifest_children (
            parent_manifest_id, position, child_digest, child_manifest_id, media_type, size_bytes, os,
            architecture, variant, os_version, is_attestation, attests_digest)
        SELECT p.id, s.position, s.child_digest, c.id, s.media_type, s.size_bytes, s.os, s.architecture,
            s.variant, s.os_version, s.is_attestation, s.attests_digest
        FROM scan_manifest_children AS s
        JOIN manifests AS p ON p.digest = s.parent_digest
        LEFT JOIN manifests AS c ON c.digest = s.child_digest
        ORDER BY p.id, s.position
        ON CONFLICT (parent_manifest_id, position) DO NOTHING
        """;

    private const string LinkLateChildrenSql = """
        UPDATE manifest_children AS mc
        SET child_manifest_id = m.id
        FROM manifests AS m
        WHERE mc.child_manifest_id IS NULL
          AND mc.child_digest = m.digest
          AND m.digest = ANY(@digests)
        """;

    private const string ManifestIdsSql = """
        SELECT id, digest
        FROM manifests
        WHERE digest = ANY(@digests)
        """;

    private const string TagAddedOrMovedSql = """
        INSERT INTO tag_history (repository_id, tag, change, manifest_id, previous_manifest_id, observed_at,
            scan_run_id)
        SELECT @repositoryId, s.name, CASE WHEN t.id IS NULL THEN 'added' ELSE 'moved' END, s.manifest_id,
            t.manifest_id, @now, @scanRunId
        FROM UNNEST(@names::text[], @manifestIds::bigint[]) AS s (name, manifest_id)
        LEFT JOIN tags AS t ON t.repository_id = @repositoryId AND t.name = s.name
        WHERE t.id IS NULL OR t.manifest_id <> s.manifest_id
        """;

    private const string TagRemovedSql = """
        WITH removed AS (
            DELETE FROM tags
            WHERE repository_id = @repositoryId
              AND NOT (name = ANY(@keep::text[]))
            RETURNING name, manifest_id
        )
        INSERT INTO tag_history (repository_id, tag, change, manifest_id, previous_manifest_id, observed_at,
            scan_run_id)
        SELECT @repositoryId, name, 'removed', NULL, manifest_id, @now, @scanRunId
        FROM removed
        """;

    private const string UpsertTagsSql = """
        INSERT INTO tags (repository_id, name, manifest_id, first_seen_at, updated_at, last_seen_at)
        SELECT @repositoryId, s.name, s.manifest_id, @now, @now, @now
        FROM UNNEST(@names::text[], @manifestIds::bigint[]) AS s (name, manifest_id)
        ORDER BY s.name
        ON CONFLICT (repository_id, name) DO UPDATE
        SET updated_at = CASE WHEN tags.manifest_id <> EXCLUDED.manifest_id THEN EXCLUDED.updated_at
                              ELSE tags.updated_at END,
            manifest_id = EXCLUDED.manifest_id,
            last_seen_at = EXCLUDED.last_seen_at
        """;

    private const string UpsertPresenceSql = """
        INSERT INTO repository_manifests (repository_id, manifest_id, first_seen_at, last_seen_at, untagged_since,
            deleted_at, pushed_at, last_pulled_at, provider_size_bytes, locked, facts_source, provider_role)
        SELECT @repositoryId, p.manifest_id, @now, @now, CASE WHEN p.untagged THEN @now END, NULL,
            p.pushed_at, p.last_pulled_at, p.provider_size, p.locked, p.facts_source, p.provider_role
        FROM UNNEST(@manifestIds::bigint[], @untagged::boolean[], @pushedAt::timestamptz[],
                    @lastPulledAt::timestamptz[], @providerSize::bigint[], @locked::boolean[],
                    @factsSource::text[], @providerRole::text[])
            AS p (manifest_id, untagged, pushed_at, last_pulled_at, provider_size, locked, facts_source,
                  provider_role)
        ORDER BY p.manifest_id
        ON CONFLICT (repository_id, manifest_id) DO UPDATE
        SET last_seen_at = EXCLUDED.last_seen_at,
            untagged_since = CASE WHEN EXCLUDED.untagged_since IS NULL THEN NULL
                                  ELSE COALESCE(repository_manifests.untagged_since, EXCLUDED.untagged_since) END,
            deleted_at = NULL,
            pushed_at = COALESCE(EXCLUDED.pushed_at, repository_manifests.pushed_at),
            last_pulled_at = COALESCE(EXCLUDED.last_pulled_at, repository_manifests.last_pulled_at),
            provider_size_bytes = COALESCE(EXCLUDED.provider_size_bytes, repository_manifests.provider_size_bytes),
            locked = COALESCE(EXCLUDED.locked, repository_manifests.locked),
            facts_source = COALESCE(EXCLUDED.facts_source, repository_manifests.facts_source),
            provider_role = COALESCE(EXCLUDED.provider_role, repository_manifests.provider_role)
        """;

    private const string MarkDeletedSql = """
        UPDATE repository_manifests
        SET deleted_at = @now
        WHERE repository_id = @repositoryId
          AND manifest_id = ANY(@manifestIds)
          AND deleted_at IS NULL
        """;
}
