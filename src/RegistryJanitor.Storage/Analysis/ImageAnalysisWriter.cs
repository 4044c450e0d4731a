using Dapper;
using Npgsql;
using NpgsqlTypes;
using RegistryJanitor.Core.Layers;

namespace RegistryJanitor.Storage.Analysis;

/// <summary>
/// Stores image analyses: one row per image, and its categories, secrets and packages by binary COPY.
/// </summary>
public sealed class ImageAnalysisWriter
{
    private const string DeleteSql = """
        DELETE FROM image_analyses WHERE manifest_id = @manifestId
        """;

    private const string InsertSql = """
        INSERT INTO image_analyses (manifest_id, uncompressed_bytes, visible_bytes, visible_file_count, hidden_bytes,
                                    hidden_file_count, dive_efficiency, layers_skipped, analysed_at, analysis_run_id)
        VALUES (@manifestId, @uncompressedBytes, @visibleBytes, @visibleFileCount, @hiddenBytes, @hiddenFileCount,
                @diveEfficiency, @layersSkipped, @analysedAt, @runId)
        """;

    private const string CopyCategoriesSql = """
        COPY image_category_totals (manifest_id, category, bytes, file_count, examples) FROM STDIN (FORMAT BINARY)
        """;

    private const string CopySecretsSql = """
        COPY image_secret_findings (manifest_id, layer_position, path, kind, visible) FROM STDIN (FORMAT BINARY)
        """;

    private const string CopyPackagesSql = """
        COPY image_packages (manifest_id, ecosystem, name, version, bytes, file_count, is_development,
                             exclusive_dependencies, dependency_bytes, dependency_file_count)
        FROM STDIN (FORMAT BINARY)
        """;

    private readonly NpgsqlDataSource dataSource;

    public ImageAnalysisWriter(NpgsqlDataSource dataSource) => this.dataSource = dataSource;

    /// <summary>Replaces the stored analysis of <paramref name="manifestId"/> in one transaction.</summary>
    public async Task SaveAsync(
        long manifestId, ImageAnalysis analysis, int layersSkipped, long runId, DateTimeOffset analysedAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            DeleteSql, new { manifestId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            manifestId,
            uncompressedBytes = analysis.UncompressedBytes,
            visibleBytes = analysis.VisibleBytes,
            visibleFileCount = analysis.VisibleFileCount,
            hiddenBytes = analysis.HiddenBytes,
            hiddenFileCount = analysis.HiddenFileCount,
            diveEfficiency = analysis.DiveEfficiency,
            layersSkipped,
            analysedAt,
            runId,
        }, transaction, cancellationToken: cancellationToken));

        await using (var importer = await connection.BeginBinaryImportAsync(CopyCategoriesSql, cancellationToken))
        {
            foreach (var total in analysis.Categories)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(manifestId, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(total.Category.ToString(), NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(total.Bytes, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(total.FileCount, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(
                    total.Examples.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync(CopySecretsSql, cancellationToken))
        {
            foreach (var secret in analysis.Secrets.DistinctBy(s => (s.Layer, s.Path)))
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(manifestId, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(secret.Layer, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(secret.Path, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(secret.Kind.ToString(), NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(secret.Visible, NpgsqlDbType.Boolean, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync(CopyPackagesSql, cancellationToken))
        {
            foreach (var package in analysis.Packages.DistinctBy(p => (p.Ecosystem, p.Name, p.Version)))
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(manifestId, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(package.Ecosystem, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(package.Name, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(package.Version, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(package.Bytes, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(package.FileCount, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(package.IsDevelopment, NpgsqlDbType.Boolean, cancellationToken);
                await importer.WriteAsync(
                    package.ExclusiveDependencies.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(package.DependencyBytes, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(package.DependencyFileCount, NpgsqlDbType.Integer, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
