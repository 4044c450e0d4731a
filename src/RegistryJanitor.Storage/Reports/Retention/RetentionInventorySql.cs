namespace RegistryJanitor.Storage.Reports.Retention;

/// <summary>Statements reading one registry's present inventory for the retention simulation.</summary>
internal static class RetentionInventorySql
{
    private const string PresentManifests = """
        WITH present AS (
            SELECT rm.repository_id, rm.manifest_id
            FROM repository_manifests rm
            JOIN repositories r ON r.id = rm.repository_id
            WHERE r.registry_id = @registryId
              AND r.deleted_at IS NULL
              AND rm.deleted_at IS NULL
        )
        """;

    /// <summary>Every present manifest; push time from provider facts, else when the scanner first saw it.</summary>
    public const string SelectManifests = PresentManifests + """
        SELECT p.repository_id AS RepositoryId,
               r.name AS Repository,
               m.id AS ManifestId,
               m.digest AS Digest,
               m.kind AS Kind,
               m.size_bytes AS ManifestBytes,
               m.subject_digest AS SubjectDigest,
               COALESCE(rm.pushed_at, rm.first_seen_at) AS PushedAt,
               rm.untagged_since AS UntaggedSince,
               rm.last_pulled_at AS LastPulledAt
        FROM present p
        JOIN repository_manifests rm ON rm.repository_id = p.repository_id AND rm.manifest_id = p.manifest_id
        JOIN repositories r ON r.id = p.repository_id
        JOIN manifests m ON m.id = p.manifest_id
        ORDER BY r.name, m.digest
        """;

    /// <summary>Config and layer descriptors of the present manifests, config first, layers in order.</summary>
    public const string SelectBlobs = PresentManifests + """
        SELECT mb.manifest_id AS ManifestId,
               mb.role = 'config' AS IsConfig,
               b.digest AS Digest,
               b.size_bytes AS Size
        FROM manifest_blobs mb
        JOIN blobs b ON b.id = mb.blob_id
        WHERE mb.manifest_id IN (SELECT manifest_id FROM present)
        ORDER BY mb.manifest_id, mb.role, mb.position
        """;

    /// <summary>Child digests of the present indexes, in order.</summary>
    public const string SelectChildren = PresentManifests + """
        SELECT mc.parent_manifest_id AS ManifestId,
               mc.child_digest AS Digest
        FROM manifest_children mc
        WHERE mc.parent_manifest_id IN (SELECT manifest_id FROM present)
        ORDER BY mc.parent_manifest_id, mc.position
        """;

    /// <summary>Current tags of the registry's live repositories, with when each was seen on its manifest.</summary>
    public const string SelectTags = """
        SELECT t.repository_id AS RepositoryId,
               t.manifest_id AS ManifestId,
               t.name AS Name,
               t.updated_at AS PushedAt
        FROM tags t
        JOIN repositories r ON r.id = t.repository_id
        WHERE r.registry_id = @registryId
          AND r.deleted_at IS NULL
        ORDER BY t.repository_id, t.manifest_id, t.name
        """;
}
