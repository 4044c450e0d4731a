using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using RegistryJanitor.Core.Manifests;

namespace RegistryJanitor.Storage.Inventory;

/// <summary>
/// Writes one repository snapshot in one transaction, so a crash leaves the repository wholly old or wholly
/// new. Manifests and blobs go through binary COPY into temporary tables and set-based upserts keyed on the
/// digest, so a repeated write (a resumed scan) adds no duplicate rows.
/// </summary>
public sealed partial class InventoryWriter
{
    private readonly NpgsqlDataSource dataSource;

    public InventoryWriter(NpgsqlDataSource dataSource) => this.dataSource = dataSource;

    /// <summary>Writes <paramref name="snapshot"/> for the repository of <paramref name="registryId"/>.</summary>
    public async Task<WriteResult> WriteAsync(
        int registryId, long scanRunId, RepositorySnapshot snapshot, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var repositoryId = await UpsertRepositoryAsync(connection, registryId, snapshot.RepositoryName, now,
            cancellationToken);
        var (blobsInserted, bytesInserted) = await InsertBlobsAsync(connection, snapshot.NewManifests,
            cancellationToken);
        var manifestsInserted = await InsertManifestsAsync(connection, snapshot.NewManifests, now, cancellationToken);
        await InsertManifestLinksAsync(connection, snapshot.NewManifests, cancellationToken);
        var ids = await ManifestIdsAsync(connection, snapshot, cancellationToken);
        var tagChanges = await WriteTagsAsync(connection, repositoryId, scanRunId, snapshot, ids, now,
            cancellationToken);
        await WritePresenceAsync(connection, repositoryId, snapshot, ids, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new WriteResult(manifestsInserted, blobsInserted, bytesInserted, tagChanges);
    }

    private static async Task<long> UpsertRepositoryAsync(
        NpgsqlConnection connection, int registryId, string name, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(UpsertRepositorySql, connection);
        command.Parameters.AddWithValue("registryId", registryId);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("now", now);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<(int Count, long Bytes)> InsertBlobsAsync(
        NpgsqlConnection connection, IReadOnlyList<ScannedManifest> manifests, CancellationToken cancellationToken)
    {
        var blobs = manifests.SelectMany(m => m.Blobs)
            .DistinctBy(b => b.Digest, StringComparer.Ordinal)
            .OrderBy(b => b.Digest, StringComparer.Ordinal)
            .ToList();
        if (blobs.Count == 0)
        {
            return (0, 0);
        }

        await using var command = new NpgsqlCommand(InsertBlobsSql, connection);
        command.Parameters.AddWithValue("digests", blobs.Select(b => b.Digest).ToArray());
        command.Parameters.AddWithValue("sizes", blobs.Select(b => b.SizeBytes).ToArray());
        command.Parameters.AddWithValue("mediaTypes", blobs.Select(b => b.MediaType).ToArray());
        var count = 0;
        var bytes = 0L;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            count++;
            bytes += reader.GetInt64(0);
        }

        return (count, bytes);
    }

    private static async Task<int> InsertManifestsAsync(
        NpgsqlConnection connection, IReadOnlyList<ScannedManifest> manifests, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (manifests.Count == 0)
        {
            return 0;
        }

        await using (var create = new NpgsqlCommand(CreateStagingSql, connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync(CopyManifestsSql, cancellationToken))
        {
            foreach (var manifest in manifests.DistinctBy(m => m.Digest, StringComparer.Ordinal))
            {
                await WriteManifestRowAsync(importer, manifest, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using var insert = new NpgsqlCommand(InsertManifestsSql, connection);
        insert.Parameters.AddWithValue("now", now);
        var inserted = await insert.ExecuteNonQueryAsync(cancellationToken);
        return Math.Max(0, inserted);
    }

    private static async Task WriteManifestRowAsync(
        NpgsqlBinaryImporter importer, ScannedManifest manifest, CancellationToken cancellationToken)
    {
        var config = manifest.Blobs.FirstOrDefault(b => b.Role == "config");
        var facts = manifest.Config;
        await importer.StartRowAsync(cancellationToken);
        await importer.WriteAsync(manifest.Digest, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(manifest.MediaType, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(ManifestKindNames.ToDatabase(manifest.Kind), NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(importer, manifest.ArtifactType, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(manifest.SizeBytes, NpgsqlDbType.Bigint, cancellationToken);
        await WriteNullableAsync(importer, config?.Digest, NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(importer, config?.MediaType, NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(importer, config?.SizeBytes, NpgsqlDbType.Bigint, cancellationToken);
        await WriteNullableAsync(importer, manifest.SubjectDigest, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(ToJson(manifest.Annotations), NpgsqlDbType.Jsonb, cancellationToken);
        await WriteNullableAsync(importer, facts?.Created, NpgsqlDbType.TimestampTz, cancellationToken);
        await WriteNullableAsync(importer, facts?.Os, NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(importer, facts?.Architecture, NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(importer, facts?.Variant, NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(importer, facts?.User, NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(importer, facts?.EnvNames.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text,
            cancellationToken);
        await WriteNullableAsync(importer, facts is null ? null : ToJson(facts.Labels), NpgsqlDbType.Jsonb,
            cancellationToken);
        await WriteNullableAsync(importer, facts?.HealthcheckTest?.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text,
            cancellationToken);
        await WriteNullableAsync(importer, facts?.ExposedPorts.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text,
            cancellationToken);
        await WriteNullableAsync(importer, facts is null ? null : HistoryJson(facts.History), NpgsqlDbType.Jsonb,
            cancellationToken);
        await WriteNullableAsync(
            importer,
            manifest.Kind == ManifestKind.Index ? null : (int?)manifest.Blobs.Count(b => b.Role == "layer"),
            NpgsqlDbType.Integer,
            cancellationToken);
        await WriteNullableAsync(importer, manifest.Error, NpgsqlDbType.Text, cancellationToken);
    }

    private static Task WriteNullableAsync<T>(
        NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, type,
            cancellationToken);

    private static string ToJson(IReadOnlyDictionary<string, string> map) =>
        JsonSerializer.Serialize(map, StorageJsonContext.Default.IReadOnlyDictionaryStringString);

    private static string HistoryJson(IReadOnlyList<HistoryEntry> history) =>
        JsonSerializer.Serialize(
            history.Select(h => new HistoryRow(h.Created, h.CreatedBy, h.Comment, h.EmptyLayer)).ToList(),
            StorageJsonContext.Default.ListHistoryRow);
}
