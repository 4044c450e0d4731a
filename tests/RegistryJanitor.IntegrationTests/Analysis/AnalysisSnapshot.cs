using System.Collections;
using System.Globalization;
using Npgsql;

namespace RegistryJanitor.IntegrationTests.Analysis;

/// <summary>
/// Every row an analysis stored, keyed by digests instead of database ids and without times or run ids, so the
/// results of two databases can be compared row for row.
/// </summary>
internal static class AnalysisSnapshot
{
    private const string LayersSql = """
        SELECT b.digest, la.status, la.rejection_reason, la.rejection_message, la.tar_bytes, la.file_count,
               la.file_bytes, la.skipped_captures, la.layer_index
        FROM layer_analyses la JOIN blobs b ON b.id = la.blob_id
        ORDER BY b.digest
        """;

    private const string LayerCategoriesSql = """
        SELECT b.digest, c.category, c.bytes, c.file_count, c.examples
        FROM layer_category_totals c JOIN blobs b ON b.id = c.blob_id
        ORDER BY b.digest, c.category
        """;

    private const string ImagesSql = """
        SELECT m.digest, ia.uncompressed_bytes, ia.visible_bytes, ia.visible_file_count, ia.hidden_bytes,
               ia.hidden_file_count, ia.dive_efficiency, ia.layers_skipped
        FROM image_analyses ia JOIN manifests m ON m.id = ia.manifest_id
        ORDER BY m.digest
        """;

    private const string ImageCategoriesSql = """
        SELECT m.digest, c.category, c.bytes, c.file_count, c.examples
        FROM image_category_totals c JOIN manifests m ON m.id = c.manifest_id
        ORDER BY m.digest, c.category
        """;

    private const string SecretsSql = """
        SELECT m.digest, s.layer_position, s.path, s.kind, s.visible
        FROM image_secret_findings s JOIN manifests m ON m.id = s.manifest_id
        ORDER BY m.digest, s.layer_position, s.path
        """;

    private const string PackagesSql = """
        SELECT m.digest, p.ecosystem, p.name, p.version, p.bytes, p.file_count, p.is_development,
               p.exclusive_dependencies, p.dependency_bytes, p.dependency_file_count
        FROM image_packages p JOIN manifests m ON m.id = p.manifest_id
        ORDER BY m.digest, p.ecosystem, p.name, p.version
        """;

    private const string RunsSql = """
        SELECT r.status, r.planned_bytes, r.bytes_read, r.layers_analysed, r.layers_rejected, r.layers_skipped,
               r.images_analysed, r.images_skipped, r.error
        FROM analysis_runs r
        ORDER BY r.id
        """;

    private const string SkippedImagesSql = """
        SELECT m.digest, s.reason
        FROM analysis_run_skipped_images s JOIN manifests m ON m.id = s.manifest_id
        ORDER BY m.digest
        """;

    /// <summary>The table names, in the order of the lists <see cref="TakeAsync"/> returns.</summary>
    public static readonly IReadOnlyList<string> Tables =
    [
        "layer_analyses", "layer_category_totals", "image_analyses", "image_category_totals",
        "image_secret_findings", "image_packages", "analysis_runs", "analysis_run_skipped_images",
    ];

    private static readonly string[] Queries =
    [
        LayersSql, LayerCategoriesSql, ImagesSql, ImageCategoriesSql, SecretsSql, PackagesSql, RunsSql,
        SkippedImagesSql,
    ];

    /// <summary>One list of rows (each row its columns as text) per table of <see cref="Tables"/>.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<string>>> TakeAsync(
        NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var tables = new List<IReadOnlyList<string>>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var sql in Queries)
        {
            var rows = new List<string>();
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var columns = Enumerable.Range(0, reader.FieldCount).Select(i => Text(reader.GetValue(i)));
                rows.Add(string.Join(" | ", columns));
            }

            tables.Add(rows);
        }

        return tables;
    }

    private static string Text(object value) => value switch
    {
        DBNull => "null",
        byte[] bytes => Convert.ToHexStringLower(bytes),
        string text => text,
        IEnumerable items => "[" + string.Join(", ", items.Cast<object>().Select(Text)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
