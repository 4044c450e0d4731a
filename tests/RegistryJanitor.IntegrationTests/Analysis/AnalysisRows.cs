using Dapper;
using Npgsql;

namespace RegistryJanitor.IntegrationTests.Analysis;

/// <summary>Reads what the analysis stored, by digest.</summary>
public sealed class AnalysisRows(NpgsqlDataSource dataSource)
{
    private const string LayerSql = """
        SELECT la.status, la.rejection_reason, la.tar_bytes, la.file_count, la.file_bytes, la.layer_index
        FROM layer_analyses la JOIN blobs b ON b.id = la.blob_id
        WHERE b.digest = @digest
        """;

    private const string ImageSql = """
        SELECT ia.uncompressed_bytes, ia.visible_bytes, ia.visible_file_count, ia.hidden_bytes, ia.hidden_file_count,
               ia.dive_efficiency
        FROM image_analyses ia JOIN manifests m ON m.id = ia.manifest_id
        WHERE m.digest = @digest
        """;

    private const string CategoriesSql = """
        SELECT c.category, c.bytes, c.file_count
        FROM image_category_totals c JOIN manifests m ON m.id = c.manifest_id
        WHERE m.digest = @digest
        """;

    private const string PackagesSql = """
        SELECT p.name, p.bytes, p.file_count, p.exclusive_dependencies, p.dependency_bytes, p.dependency_file_count
        FROM image_packages p JOIN manifests m ON m.id = p.manifest_id
        WHERE m.digest = @digest AND p.ecosystem = @ecosystem
        """;

    public async Task<(string Status, string? Reason, long? TarBytes, int? FileCount, long? FileBytes, byte[]? Index)?>
        LayerAsync(string digest, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string, string?, long?, int?, long?, byte[]?)>(
            new CommandDefinition(LayerSql, new { digest }, cancellationToken: cancellationToken));
        return rows.Select(row => ((string, string?, long?, int?, long?, byte[]?)?)row).SingleOrDefault();
    }

    public async Task<(long Uncompressed, long Visible, int VisibleFiles, long Hidden, int HiddenFiles, double Dive)?>
        ImageAsync(string digest, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long, long, int, long, int, double)>(
            new CommandDefinition(ImageSql, new { digest }, cancellationToken: cancellationToken));
        return rows.Select(row => ((long, long, int, long, int, double)?)row).SingleOrDefault();
    }

    public async Task<HashSet<(string Category, long Bytes, int Files)>> CategoriesAsync(
        string digest, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string, long, int)>(
            new CommandDefinition(CategoriesSql, new { digest }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<Dictionary<string, (long Bytes, int Files, string[] Dependencies, long DependencyBytes,
        int DependencyFiles)>> PackagesAsync(string digest, string ecosystem, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Name, long, int, string[], long, int)>(
            new CommandDefinition(PackagesSql, new { digest, ecosystem }, cancellationToken: cancellationToken));
        return rows.ToDictionary(row => row.Name, row => (row.Item2, row.Item3, row.Item4, row.Item5, row.Item6));
    }
}
