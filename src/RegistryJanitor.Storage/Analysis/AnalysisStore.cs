using System.Text.Json;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using RegistryJanitor.Core.Layers;
using RegistryJanitor.Core.Manifests;
using RegistryJanitor.Storage.Inventory;

namespace RegistryJanitor.Storage.Analysis;

/// <summary>Reads analysis candidates from the inventory and records runs and layer results.</summary>
public sealed class AnalysisStore
{
    private const string RegistryIdSql = """
        SELECT id FROM registries WHERE name = @name
        """;

    private const string StartRunSql = """
        INSERT INTO analysis_runs (registry_id, started_at, status, budget_bytes)
        VALUES (@registryId, @startedAt, 'running', @budgetBytes)
        RETURNING id
        """;

    private const string FinishRunSql = """
        UPDATE analysis_runs
        SET finished_at = @finishedAt, status = @status, planned_bytes = @plannedBytes, bytes_read = @bytesRead,
            layers_analysed = @layersAnalysed, layers_rejected = @layersRejected, layers_skipped = @layersSkipped,
            images_analysed = @imagesAnalysed, images_skipped = @imagesSkipped, error = @error
        WHERE id = @runId
        """;

    // Image manifests present in the registry, each with its layers in order, the stored layer status and one
    // repository to download from. Set-based: one statement whatever the registry size.
    private const string CandidatesSql = """
        WITH present AS (
            SELECT rm.manifest_id, MIN(r.name) AS repository
            FROM repository_manifests rm
            JOIN repositories r ON r.id = rm.repository_id
            WHERE r.registry_id = @registryId AND r.deleted_at IS NULL AND rm.deleted_at IS NULL
            GROUP BY rm.manifest_id
        )
        SELECT m.id AS manifestid, m.digest AS manifestdigest,
               COALESCE(m.config_size_bytes, 0) + SUM(b.size_bytes) OVER (PARTITION BY m.id) AS imagebytes,
               p.repository, mb.position, b.id AS blobid, b.digest AS blobdigest, b.size_bytes AS blobsize,
               mb.media_type AS mediatype, la.status AS layerstatus, (ia.manifest_id IS NOT NULL) AS imageanalysed
        FROM present p
        JOIN manifests m ON m.id = p.manifest_id AND m.kind = 'image'
        JOIN manifest_blobs mb ON mb.manifest_id = m.id AND mb.role = 'layer'
        JOIN blobs b ON b.id = mb.blob_id
        LEFT JOIN layer_analyses la ON la.blob_id = b.id
        LEFT JOIN image_analyses ia ON ia.manifest_id = m.id
        ORDER BY m.id, mb.position
        """;

    // The given layer digests as held by present image manifests of the registry: one row per blob, with one
    // repository to download it from and its stored status.
    private const string BatchLayersSql = """
        SELECT DISTINCT ON (b.id) b.id AS blobid, b.digest AS blobdigest, b.size_bytes AS blobsize,
               mb.media_type AS mediatype, r.name AS repository, la.status AS layerstatus
        FROM blobs b
        JOIN manifest_blobs mb ON mb.blob_id = b.id AND mb.role = 'layer'
        JOIN manifests m ON m.id = mb.manifest_id AND m.kind = 'image'
        JOIN repository_manifests rm ON rm.manifest_id = m.id AND rm.deleted_at IS NULL
        JOIN repositories r ON r.id = rm.repository_id AND r.registry_id = @registryId AND r.deleted_at IS NULL
        LEFT JOIN layer_analyses la ON la.blob_id = b.id
        WHERE b.digest = ANY (@digests)
        ORDER BY b.id, r.name
        """;

    private const string InsertLayerSql = """
        INSERT INTO layer_analyses (blob_id, status, rejection_reason, rejection_message, tar_bytes, file_count,
                                    file_bytes, skipped_captures, layer_index, analysed_at, analysis_run_id)
        VALUES (@blobId, @status, @reason, @message, @tarBytes, @fileCount, @fileBytes, @skippedCaptures,
                @layerIndex, @analysedAt, @runId)
        ON CONFLICT (blob_id) DO NOTHING
        """;

    private const string InsertLayerCategorySql = """
        INSERT INTO layer_category_totals (blob_id, category, bytes, file_count, examples)
        VALUES (@blobId, @category, @bytes, @fileCount, @examples)
        ON CONFLICT DO NOTHING
        """;

    private const string InsertSkippedImageSql = """
        INSERT INTO analysis_run_skipped_images (analysis_run_id, manifest_id, reason)
        VALUES (@runId, @manifestId, @reason)
        ON CONFLICT DO NOTHING
        """;

    private const string LayerIndexesSql = """
        SELECT blob_id, layer_index FROM layer_analyses WHERE blob_id = ANY(@blobIds) AND status = 'analysed'
        """;

    private const string HistorySql = """
        SELECT history FROM manifests WHERE id = @manifestId
        """;

    private const string ScanRunClosedSql = """
        SELECT EXISTS (
            SELECT 1 FROM scan_runs WHERE id = @runId AND finished_at IS NOT NULL AND status <> 'failed'
        )
        """;

    private readonly NpgsqlDataSource dataSource;

    public AnalysisStore(NpgsqlDataSource dataSource) => this.dataSource = dataSource;

    /// <summary>The <c>registries.id</c> of <paramref name="name"/>, or null before its first scan.</summary>
    public async Task<int?> FindRegistryIdAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<int?>(
            new CommandDefinition(RegistryIdSql, new { name }, cancellationToken: cancellationToken));
    }

    /// <summary>True when scan run <paramref name="runId"/> has finished, and not as failed.</summary>
    public async Task<bool> IsScanRunClosedAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(
            new CommandDefinition(ScanRunClosedSql, new { runId }, cancellationToken: cancellationToken));
    }

    public async Task<long> StartRunAsync(
        int registryId, long budgetBytes, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            StartRunSql, new { registryId, startedAt, budgetBytes }, cancellationToken: cancellationToken));
    }

    public async Task FinishRunAsync(
        long runId, string status, AnalysisRunCounts counts, string? error, DateTimeOffset finishedAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counts);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(FinishRunSql, new
        {
            runId, status, finishedAt, error, counts.PlannedBytes, counts.BytesRead, counts.LayersAnalysed,
            counts.LayersRejected, counts.LayersSkipped, counts.ImagesAnalysed, counts.ImagesSkipped,
        }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Every layer of every image manifest present in the registry, ordered by manifest and position.
    /// </summary>
    public async Task<IReadOnlyList<AnalysisLayerRow>> LoadCandidateLayersAsync(
        int registryId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AnalysisLayerRow>(
            new CommandDefinition(CandidatesSql, new { registryId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// The layers among <paramref name="digests"/> that present image manifests of the registry hold, one row per
    /// blob (manifest fields unset), with their stored status.
    /// </summary>
    public async Task<IReadOnlyList<AnalysisLayerRow>> LoadLayersAsync(
        int registryId, IReadOnlyCollection<string> digests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digests);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AnalysisLayerRow>(new CommandDefinition(
            BatchLayersSql, new { registryId, digests = digests.ToArray() }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Stores one layer's outcome and its stand-alone category totals; a digest already stored wins.</summary>
    public async Task SaveLayerAsync(
        LayerAnalysisRecord record, IReadOnlyList<CategoryTotal> categories, long runId, DateTimeOffset analysedAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(categories);
        var index = record.Index;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertLayerSql, new
        {
            record.BlobId,
            record.Status,
            reason = record.RejectionReason,
            message = record.RejectionMessage,
            tarBytes = index?.TarBytes,
            fileCount = index?.FileCount,
            fileBytes = index?.FileBytes,
            skippedCaptures = index?.SkippedCaptures,
            layerIndex = index is null ? null : LayerIndexCodec.Encode(index),
            analysedAt,
            runId,
        }, transaction, cancellationToken: cancellationToken));
        foreach (var total in categories)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertLayerCategorySql, new
            {
                record.BlobId,
                category = total.Category.ToString(),
                total.Bytes,
                total.FileCount,
                examples = total.Examples.ToArray(),
            }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task SaveSkippedImagesAsync(
        long runId, IReadOnlyList<SkippedImage> images, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var image in images)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                InsertSkippedImageSql, new { runId, image.ManifestId, image.Reason },
                cancellationToken: cancellationToken));
        }
    }

    /// <summary>The config history the scan stored for <paramref name="manifestId"/>; empty when it had none.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> LoadHistoryAsync(
        long manifestId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var json = await connection.QuerySingleOrDefaultAsync<string?>(
            new CommandDefinition(HistorySql, new { manifestId }, cancellationToken: cancellationToken));
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        var rows = JsonSerializer.Deserialize(json, StorageJsonContext.Default.ListHistoryRow) ?? [];
        return [.. rows.Select(row => new HistoryEntry(row.Created, row.CreatedBy, row.Comment, row.EmptyLayer))];
    }

    /// <summary>The stored indexes of <paramref name="blobIds"/> that were analysed, decoded.</summary>
    public async Task<IReadOnlyDictionary<long, LayerIndex>> LoadIndexesAsync(
        IReadOnlyCollection<long> blobIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blobIds);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(LayerIndexesSql, connection);
        command.Parameters.AddWithValue("blobIds", NpgsqlDbType.Array | NpgsqlDbType.Bigint, blobIds.ToArray());
        var indexes = new Dictionary<long, LayerIndex>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            indexes[reader.GetInt64(0)] = LayerIndexCodec.Decode((byte[])reader.GetValue(1));
        }

        return indexes;
    }
}
