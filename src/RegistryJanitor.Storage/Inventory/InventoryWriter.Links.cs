using Npgsql;
using NpgsqlTypes;

namespace RegistryJanitor.Storage.Inventory;

/// <summary>Manifest → blob and index → child rows, tags with their history, and presence.</summary>
public sealed partial class InventoryWriter
{
    private static async Task InsertManifestLinksAsync(
        NpgsqlConnection connection, IReadOnlyList<ScannedManifest> manifests, CancellationToken cancellationToken)
    {
        if (manifests.Count == 0)
        {
            return;
        }

        await using (var importer = await connection.BeginBinaryImportAsync(CopyBlobLinksSql, cancellationToken))
        {
            foreach (var manifest in manifests)
            {
                foreach (var blob in manifest.Blobs)
                {
                    await importer.WriteRowAsync(
                        cancellationToken, manifest.Digest, blob.Role, blob.Position, blob.Digest, blob.MediaType);
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync(CopyChildrenSql, cancellationToken))
        {
            foreach (var manifest in manifests)
            {
                foreach (var child in manifest.Children)
                {
                    await importer.StartRowAsync(cancellationToken);
                    await importer.WriteAsync(manifest.Digest, NpgsqlDbType.Text, cancellationToken);
                    await importer.WriteAsync(child.Position, NpgsqlDbType.Integer, cancellationToken);
                    await importer.WriteAsync(child.Digest, NpgsqlDbType.Text, cancellationToken);
                    await importer.WriteAsync(child.MediaType, NpgsqlDbType.Text, cancellationToken);
                    await importer.WriteAsync(child.SizeBytes, NpgsqlDbType.Bigint, cancellationToken);
                    await WriteNullableAsync(importer, child.Os, NpgsqlDbType.Text, cancellationToken);
                    await WriteNullableAsync(importer, child.Architecture, NpgsqlDbType.Text, cancellationToken);
                    await WriteNullableAsync(importer, child.Variant, NpgsqlDbType.Text, cancellationToken);
                    await WriteNullableAsync(importer, child.OsVersion, NpgsqlDbType.Text, cancellationToken);
                    await importer.WriteAsync(child.IsAttestation, NpgsqlDbType.Boolean, cancellationToken);
                    await WriteNullableAsync(importer, child.AttestsDigest, NpgsqlDbType.Text, cancellationToken);
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(InsertBlobLinksSql));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(InsertChildrenSql));
        var link = new NpgsqlBatchCommand(LinkLateChildrenSql);
        link.Parameters.AddWithValue("digests", manifests.Select(m => m.Digest).ToArray());
        batch.BatchCommands.Add(link);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<Dictionary<string, long>> ManifestIdsAsync(
        NpgsqlConnection connection, RepositorySnapshot snapshot, CancellationToken cancellationToken)
    {
        var digests = snapshot.Tags.Values
            .Concat(snapshot.Present.Select(p => p.Digest))
            .Concat(snapshot.Deleted)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(ManifestIdsSql, connection);
        command.Parameters.AddWithValue("digests", digests);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids[reader.GetString(1)] = reader.GetInt64(0);
        }

        return ids;
    }

    private static async Task<int> WriteTagsAsync(
        NpgsqlConnection connection, long repositoryId, long scanRunId, RepositorySnapshot snapshot,
        Dictionary<string, long> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A tag whose manifest could not be stored is left as it was, like an unresolved tag.
        var resolved = snapshot.Tags.Where(t => ids.ContainsKey(t.Value)).ToList();
        var keep = snapshot.UnresolvedTags
            .Concat(snapshot.Tags.Where(t => !ids.ContainsKey(t.Value)).Select(t => t.Key))
            .Concat(resolved.Select(t => t.Key))
            .ToArray();
        var names = resolved.Select(t => t.Key).ToArray();
        var manifestIds = resolved.Select(t => ids[t.Value]).ToArray();
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(TagCommand(TagAddedOrMovedSql, repositoryId, scanRunId, names, manifestIds, keep, now));
        batch.BatchCommands.Add(TagCommand(TagRemovedSql, repositoryId, scanRunId, names, manifestIds, keep, now));
        batch.BatchCommands.Add(TagCommand(UpsertTagsSql, repositoryId, scanRunId, names, manifestIds, keep, now));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return batch.BatchCommands[0].RecordsAffected + batch.BatchCommands[1].RecordsAffected;
    }

    private static NpgsqlBatchCommand TagCommand(
        string sql, long repositoryId, long scanRunId, string[] names, long[] manifestIds, string[] keep,
        DateTimeOffset now)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddWithValue("repositoryId", repositoryId);
        command.Parameters.AddWithValue("scanRunId", scanRunId);
        command.Parameters.AddWithValue("names", names);
        command.Parameters.AddWithValue("manifestIds", manifestIds);
        command.Parameters.AddWithValue("keep", keep);
        command.Parameters.AddWithValue("now", now);
        return command;
    }

    private static async Task WritePresenceAsync(
        NpgsqlConnection connection, long repositoryId, RepositorySnapshot snapshot, Dictionary<string, long> ids,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var present = snapshot.Present.Where(p => ids.ContainsKey(p.Digest))
            .DistinctBy(p => p.Digest, StringComparer.Ordinal)
            .ToList();
        await using var batch = new NpgsqlBatch(connection);
        var upsert = new NpgsqlBatchCommand(UpsertPresenceSql);
        upsert.Parameters.AddWithValue("repositoryId", repositoryId);
        upsert.Parameters.AddWithValue("now", now);
        upsert.Parameters.AddWithValue("manifestIds", present.Select(p => ids[p.Digest]).ToArray());
        upsert.Parameters.AddWithValue("untagged", present.Select(p => p.Untagged).ToArray());
        upsert.Parameters.AddWithValue("pushedAt", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
            present.Select(p => p.Facts?.PushedAt).ToArray());
        upsert.Parameters.AddWithValue("lastPulledAt", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
            present.Select(p => p.Facts?.LastPulledAt).ToArray());
        upsert.Parameters.AddWithValue("providerSize", NpgsqlDbType.Array | NpgsqlDbType.Bigint,
            present.Select(p => p.Facts?.SizeBytes).ToArray());
        upsert.Parameters.AddWithValue("locked", NpgsqlDbType.Array | NpgsqlDbType.Boolean,
            present.Select(p => p.Facts?.Locked).ToArray());
        upsert.Parameters.AddWithValue("factsSource", NpgsqlDbType.Array | NpgsqlDbType.Text,
            present.Select(p => p.Facts?.Source).ToArray());
        upsert.Parameters.AddWithValue("providerRole", NpgsqlDbType.Array | NpgsqlDbType.Text,
            present.Select(p => p.ProviderRole).ToArray());
        batch.BatchCommands.Add(upsert);
        var deleted = new NpgsqlBatchCommand(MarkDeletedSql);
        deleted.Parameters.AddWithValue("repositoryId", repositoryId);
        deleted.Parameters.AddWithValue("now", now);
        deleted.Parameters.AddWithValue(
            "manifestIds", snapshot.Deleted.Where(ids.ContainsKey).Select(d => ids[d]).ToArray());
        batch.BatchCommands.Add(deleted);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
