namespace RegistryJanitor.Storage.Reports.Retention;

/// <summary>Statements writing and reading <c>retention_simulations</c>.</summary>
internal static class RetentionSimulationSql
{
    public const string SelectRegistries = """
        SELECT id AS Id, name AS Name
        FROM registries
        ORDER BY name
        """;

    public const string DeleteDay = """
        DELETE FROM retention_simulations
        WHERE day = @day::date
          AND registry_id = @registryId
        """;

    public const string Insert = """
        INSERT INTO retention_simulations (day, registry_id, registry, policy, policy_order, description,
                                           dedup_scope, manifests, manifests_deleted, tags_deleted, freed_blobs,
                                           freed_blob_bytes, freed_manifest_bytes, freed_bytes, monthly_saving,
                                           currency, computed_at)
        VALUES (@Day::date, @RegistryId, @Registry, @Policy, @PolicyOrder, @Description, @DedupScope, @Manifests,
                @ManifestsDeleted, @TagsDeleted, @FreedBlobs, @FreedBlobBytes, @FreedManifestBytes, @FreedBytes,
                @MonthlySaving, @Currency, @ComputedAt)
        """;

    /// <summary>Per registry, the policies of the last simulated day within the period, in configured order.</summary>
    public const string SelectForPeriod = """
        WITH latest AS (
            SELECT registry_id, MAX(day) AS day
            FROM retention_simulations
            WHERE day >= @monthStart::date
              AND day < @monthEnd::date
            GROUP BY registry_id
        )
        SELECT s.policy AS Policy,
               s.description AS Description,
               s.registry AS Registry,
               s.manifests_deleted AS ManifestsDeleted,
               s.tags_deleted AS TagsDeleted,
               s.freed_bytes AS FreedBytes,
               s.monthly_saving::double precision AS MonthlySaving
        FROM retention_simulations s
        JOIN latest l ON l.registry_id = s.registry_id AND l.day = s.day
        ORDER BY s.registry, s.policy_order, s.policy
        """;
}
