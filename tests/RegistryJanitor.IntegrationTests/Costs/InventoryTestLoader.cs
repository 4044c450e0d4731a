using System.Text.Json;
using Dapper;
using Npgsql;
using RegistryJanitor.Core.Model;
using RegistryJanitor.Core.Ranking;
using RegistryJanitor.Core.Sharing;

namespace RegistryJanitor.IntegrationTests.Costs;

/// <summary>
/// Writes an in-memory inventory into the scanner's tables, so the SQL figures can be compared with the
/// reference implementation over exactly the same manifests.
/// </summary>
internal static class InventoryTestLoader
{
    private const string InsertRegistrySql = """
        INSERT INTO registries (name, provider, url, created_at)
        VALUES (@name, 'oci', 'http://127.0.0.1/', @at)
        RETURNING id
        """;

    private const string InsertRepositorySql = """
        INSERT INTO repositories (registry_id, name, first_seen_at, last_seen_at)
        VALUES (@registryId, @name, @at, @at)
        RETURNING id
        """;

    private const string UpsertBlobSql = """
        INSERT INTO blobs (digest, size_bytes, media_type)
        VALUES (@digest, @size, 'application/vnd.oci.image.layer.v1.tar+gzip')
        ON CONFLICT (digest) DO UPDATE SET size_bytes = EXCLUDED.size_bytes
        RETURNING id
        """;

    private const string UpsertManifestSql = """
        INSERT INTO manifests (digest, media_type, kind, size_bytes, subject_digest, labels, annotations,
                               first_seen_at)
        VALUES (@digest, @mediaType, @kind, @size, @subject, @labels::JSONB, @annotations::JSONB, @at)
        ON CONFLICT (digest) DO UPDATE
        SET size_bytes = EXCLUDED.size_bytes, labels = coalesce(EXCLUDED.labels, manifests.labels)
        RETURNING id
        """;

    private const string InsertManifestBlobSql = """
        INSERT INTO manifest_blobs (manifest_id, role, position, blob_id, media_type)
        VALUES (@manifestId, @role, @position, @blobId, @mediaType)
        ON CONFLICT DO NOTHING
        """;

    private const string InsertChildSql = """
        INSERT INTO manifest_children (parent_manifest_id, position, child_digest, child_manifest_id, media_type,
                                       size_bytes, is_attestation)
        SELECT @parentId, @position, @childDigest, m.id, 'application/vnd.oci.image.manifest.v1+json', 1, FALSE
        FROM manifests AS m
        WHERE m.digest = @childDigest
        ON CONFLICT DO NOTHING
        """;

    private const string InsertPresenceSql = """
        INSERT INTO repository_manifests (repository_id, manifest_id, first_seen_at, last_seen_at, untagged_since,
                                          pushed_at, last_pulled_at)
        VALUES (@repositoryId, @manifestId, @at, @at, @untaggedSince, @pushedAt, @lastPulledAt)
        """;

    private const string InsertTagSql = """
        INSERT INTO tags (repository_id, name, manifest_id, first_seen_at, updated_at, last_seen_at)
        VALUES (@repositoryId, @name, @manifestId, @pushedAt, @pushedAt, @pushedAt)
        """;

    /// <summary>Inserts the inventory under a new registry row; returns its id.</summary>
    public static async Task<int> LoadAsync(
        NpgsqlDataSource dataSource,
        Inventory inventory,
        IReadOnlyDictionary<string, string> labelsJsonByDigest,
        CancellationToken cancellationToken)
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var registryId = await ScalarAsync<int>(InsertRegistrySql, new { name = inventory.Registry, at });
        var repositoryIds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in inventory.Manifests.Select(m => m.Repository).Distinct(StringComparer.Ordinal))
        {
            repositoryIds[name] = await ScalarAsync<long>(InsertRepositorySql, new { registryId, name, at });
        }

        var manifestIds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var manifest in inventory.Manifests)
        {
            var labels = labelsJsonByDigest.GetValueOrDefault(manifest.Digest);
            var manifestId = await ScalarAsync<long>(UpsertManifestSql, new
            {
                digest = manifest.Digest,
                mediaType = manifest.Kind == ManifestKind.Index
                    ? "application/vnd.oci.image.index.v1+json"
                    : "application/vnd.oci.image.manifest.v1+json",
                kind = KindOf(manifest.Kind),
                size = manifest.ManifestBytes,
                subject = manifest.SubjectDigest,
                labels,
                annotations = JsonSerializer.Serialize(Annotations(manifest)),
                at,
            });
            manifestIds[manifest.Digest] = manifestId;
            if (manifest.Config is not null)
            {
                await AddBlobAsync(manifestId, "config", 0, manifest.Config);
            }

            for (var i = 0; i < manifest.Layers.Count; i++)
            {
                await AddBlobAsync(manifestId, "layer", i, manifest.Layers[i]);
            }
        }

        foreach (var manifest in inventory.Manifests)
        {
            for (var i = 0; i < manifest.Children.Count; i++)
            {
                await ExecuteAsync(InsertChildSql, new
                {
                    parentId = manifestIds[manifest.Digest],
                    position = i,
                    childDigest = manifest.Children[i],
                });
            }

            var repositoryId = repositoryIds[manifest.Repository];
            var manifestId = manifestIds[manifest.Digest];
            await ExecuteAsync(InsertPresenceSql, new
            {
                repositoryId,
                manifestId,
                at,
                untaggedSince = manifest.UntaggedSince,
                pushedAt = manifest.PushedAt,
                lastPulledAt = manifest.LastPulledAt,
            });
            foreach (var tag in manifest.Tags)
            {
                var tagRow = new { repositoryId, name = tag.Name, manifestId, pushedAt = tag.PushedAt };
                await ExecuteAsync(InsertTagSql, tagRow);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return registryId;

        async Task AddBlobAsync(long manifestId, string role, int position, BlobReference blob)
        {
            var blobId = await ScalarAsync<long>(UpsertBlobSql, new { digest = blob.Digest, size = blob.Size });
            var mediaType = role == "config" ? MediaTypes.OciConfig : MediaTypes.OciLayerGzip;
            await ExecuteAsync(InsertManifestBlobSql, new { manifestId, role, position, blobId, mediaType });
        }

        Task<T> ScalarAsync<T>(string sql, object parameters) =>
            connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, parameters, transaction,
                cancellationToken: cancellationToken))!;

        Task<int> ExecuteAsync(string sql, object parameters) =>
            connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction,
                cancellationToken: cancellationToken));
    }

    private static Dictionary<string, string> Annotations(InventoryManifest manifest)
    {
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (manifest.BaseName is not null)
        {
            annotations[BaseImageAnnotations.BaseName] = manifest.BaseName;
        }

        if (manifest.BaseDigest is not null)
        {
            annotations[BaseImageAnnotations.BaseDigest] = manifest.BaseDigest;
        }

        return annotations;
    }

    private static string KindOf(ManifestKind kind) => kind switch
    {
        ManifestKind.Image => "image",
        ManifestKind.Index => "index",
        ManifestKind.BuildCache => "build_cache",
        ManifestKind.Referrer => "signature",
        _ => "artifact",
    };
}
