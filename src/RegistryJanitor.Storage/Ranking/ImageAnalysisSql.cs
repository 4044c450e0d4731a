namespace RegistryJanitor.Storage.Ranking;

/// <summary>Queries that read the stored layer analysis of the ranked image manifests.</summary>
internal static class ImageAnalysisSql
{
    public const string Images = """
        SELECT manifest_id, uncompressed_bytes, visible_bytes, visible_file_count, hidden_bytes, hidden_file_count,
               dive_efficiency
        FROM image_analyses
        WHERE manifest_id = ANY(@manifestIds)
        """;

    public const string Categories = """
        SELECT manifest_id, category, bytes, file_count, examples
        FROM image_category_totals
        WHERE manifest_id = ANY(@manifestIds)
        ORDER BY manifest_id, bytes DESC, category
        """;

    public const string Secrets = """
        SELECT manifest_id, layer_position, path, kind, visible
        FROM image_secret_findings
        WHERE manifest_id = ANY(@manifestIds)
        ORDER BY manifest_id, layer_position, path
        """;

    public const string Packages = """
        SELECT manifest_id AS ManifestId, ecosystem AS Ecosystem, name AS Name, version AS Version, bytes AS Bytes,
               file_count AS FileCount, is_development AS IsDevelopment,
               exclusive_dependencies AS ExclusiveDependencies, dependency_bytes AS DependencyBytes,
               dependency_file_count AS DependencyFileCount
        FROM image_packages
        WHERE manifest_id = ANY(@manifestIds)
        ORDER BY manifest_id, bytes DESC, ecosystem, name, version
        """;

    // The stored index of every analysed layer of the images, in manifest order, so the merged filesystem can be
    // rebuilt for the runtime files and the largest hidden copies (which the image rows keep only as totals).
    public const string LayerIndexes = """
        SELECT mb.manifest_id, mb.position, la.layer_index
        FROM manifest_blobs AS mb
        JOIN layer_analyses AS la ON la.blob_id = mb.blob_id
        WHERE mb.manifest_id = ANY(@manifestIds)
          AND mb.role = 'layer'
          AND la.status = 'analysed'
        ORDER BY mb.manifest_id, mb.position
        """;
}
