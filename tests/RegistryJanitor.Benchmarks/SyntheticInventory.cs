using Npgsql;
using NpgsqlTypes;

namespace RegistryJanitor.Benchmarks;

/// <summary>
/// Bulk-loads a synthetic inventory with binary COPY: one registry, repositories of equal size, and per manifest
/// one config plus layers drawn from three pools — registry-wide bases, repository-wide shared layers, and layers
/// of its own — so the sharing figures have real work to do.
/// </summary>
internal sealed class SyntheticInventory
{
    /// <summary>The one registry's name, as ranking rows name it.</summary>
    public const string RegistryName = "bench";

    private const int BaseLayersPerManifest = 3;
    private const int RepositoryLayersPerManifest = 3;
    private const int OwnLayersPerManifest = 3;
    private const int BaseImages = 50;
    private const int RepositoryLayerPool = 6;

    public SyntheticInventory(int manifests, int repositories)
    {
        Manifests = manifests;
        Repositories = repositories;
    }

    public int Manifests { get; }

    public int Repositories { get; }

    /// <summary>Rows of manifest_blobs: config plus every layer of every manifest.</summary>
    public long ManifestBlobRows =>
        (long)Manifests * (1 + BaseLayersPerManifest + RepositoryLayersPerManifest + OwnLayersPerManifest);

    /// <summary>The repository that holds manifest <paramref name="manifest"/> (0-based).</summary>
    public string RepositoryOf(int manifest) => RepositoryName(manifest % Repositories);

    /// <summary>The tag of manifest <paramref name="manifest"/>; only even manifests are tagged.</summary>
    public static string TagOf(int manifest) => $"build-{manifest}";

    public static string DigestOf(int manifest) => $"sha256:{manifest:x8}{new string('f', 56)}";

    public async Task<int> LoadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await using (var command = new NpgsqlCommand(
            "INSERT INTO registries (name, provider, url, created_at) VALUES ($1, 'oci', 'http://127.0.0.1/', $2)",
            connection))
        {
            command.Parameters.AddWithValue(RegistryName);
            command.Parameters.AddWithValue(at);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await CopyAsync(
            connection,
            "COPY repositories (registry_id, name, first_seen_at, last_seen_at) FROM STDIN (FORMAT BINARY)",
            async writer =>
            {
                for (var r = 0; r < Repositories; r++)
                {
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync(1, NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(RepositoryName(r), NpgsqlDbType.Text, cancellationToken);
                    await writer.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
                    await writer.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
                }
            }, cancellationToken);

        // Blob ids: bases first, then each repository's pool, then per manifest its config and own layers.
        var baseBlobs = BaseImages * BaseLayersPerManifest;
        var repositoryBlobs = Repositories * RepositoryLayerPool;
        var ownBlobs = (long)Manifests * (1 + OwnLayersPerManifest);
        await CopyAsync(connection, "COPY blobs (digest, size_bytes, media_type) FROM STDIN (FORMAT BINARY)",
            async writer =>
            {
                for (long b = 0; b < baseBlobs + repositoryBlobs + ownBlobs; b++)
                {
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync($"sha256:{b:x64}", NpgsqlDbType.Text, cancellationToken);
                    await writer.WriteAsync(
                        SizeOf(b, baseBlobs, repositoryBlobs), NpgsqlDbType.Bigint, cancellationToken);
                    await writer.WriteAsync(
                        "application/vnd.oci.image.layer.v1.tar+gzip", NpgsqlDbType.Text, cancellationToken);
                }
            }, cancellationToken);

        await CopyAsync(connection,
            "COPY manifests (digest, media_type, kind, size_bytes, first_seen_at) FROM STDIN (FORMAT BINARY)",
            async writer =>
            {
                for (var m = 0; m < Manifests; m++)
                {
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync(DigestOf(m), NpgsqlDbType.Text, cancellationToken);
                    await writer.WriteAsync(
                        "application/vnd.oci.image.manifest.v1+json", NpgsqlDbType.Text, cancellationToken);
                    await writer.WriteAsync("image", NpgsqlDbType.Text, cancellationToken);
                    await writer.WriteAsync(1_000L + (m % 500), NpgsqlDbType.Bigint, cancellationToken);
                    await writer.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
                }
            }, cancellationToken);

        await CopyAsync(connection,
            "COPY manifest_blobs (manifest_id, role, position, blob_id, media_type) FROM STDIN (FORMAT BINARY)",
            async writer =>
            {
                for (var m = 0; m < Manifests; m++)
                {
                    var repository = m % Repositories;
                    var own = baseBlobs + repositoryBlobs + ((long)m * (1 + OwnLayersPerManifest));
                    await RowAsync(writer, m, "config", 0, own);
                    var position = 0;
                    for (var i = 0; i < BaseLayersPerManifest; i++)
                    {
                        await RowAsync(writer, m, "layer", position++, ((m / Repositories) % BaseImages * 3) + i);
                    }

                    for (var i = 0; i < RepositoryLayersPerManifest; i++)
                    {
                        var pool = baseBlobs + (repository * RepositoryLayerPool)
                            + ((m / Repositories + i) % RepositoryLayerPool);
                        await RowAsync(writer, m, "layer", position++, pool);
                    }

                    for (var i = 0; i < OwnLayersPerManifest; i++)
                    {
                        await RowAsync(writer, m, "layer", position++, own + 1 + i);
                    }
                }
            }, cancellationToken);

        await CopyAsync(connection,
            "COPY repository_manifests (repository_id, manifest_id, first_seen_at, last_seen_at)"
            + " FROM STDIN (FORMAT BINARY)",
            async writer =>
            {
                for (var m = 0; m < Manifests; m++)
                {
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync((long)(m % Repositories) + 1, NpgsqlDbType.Bigint, cancellationToken);
                    await writer.WriteAsync((long)m + 1, NpgsqlDbType.Bigint, cancellationToken);
                    await writer.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
                    await writer.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
                }
            }, cancellationToken);

        // Every other manifest is tagged; the newest ones carry the later tag time.
        await CopyAsync(connection,
            "COPY tags (repository_id, name, manifest_id, first_seen_at, updated_at, last_seen_at)"
            + " FROM STDIN (FORMAT BINARY)",
            async writer =>
            {
                for (var m = 0; m < Manifests; m += 2)
                {
                    var tagged = at.AddMinutes(m);
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync((long)(m % Repositories) + 1, NpgsqlDbType.Bigint, cancellationToken);
                    await writer.WriteAsync(TagOf(m), NpgsqlDbType.Text, cancellationToken);
                    await writer.WriteAsync((long)m + 1, NpgsqlDbType.Bigint, cancellationToken);
                    await writer.WriteAsync(tagged, NpgsqlDbType.TimestampTz, cancellationToken);
                    await writer.WriteAsync(tagged, NpgsqlDbType.TimestampTz, cancellationToken);
                    await writer.WriteAsync(tagged, NpgsqlDbType.TimestampTz, cancellationToken);
                }
            }, cancellationToken);

        await using (var analyze = new NpgsqlCommand("ANALYZE", connection))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        return 1;

        async Task RowAsync(NpgsqlBinaryImporter writer, int manifest, string role, int position, long blob)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync((long)manifest + 1, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(role, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(position, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(blob + 1, NpgsqlDbType.Bigint, cancellationToken);
            var mediaType = role == "config"
                ? "application/vnd.oci.image.config.v1+json"
                : "application/vnd.oci.image.layer.v1.tar+gzip";
            await writer.WriteAsync(mediaType, NpgsqlDbType.Text, cancellationToken);
        }
    }

    private static string RepositoryName(int repository) => $"team{repository % 20}/service-{repository}";

    private static long SizeOf(long blob, int baseBlobs, int repositoryBlobs) =>
        blob < baseBlobs ? 30_000_000 + (blob * 7919)
        : blob < baseBlobs + repositoryBlobs ? 5_000_000 + (blob * 131)
        : 100_000 + (blob * 37 % 2_000_000);

    private static async Task CopyAsync(
        NpgsqlConnection connection,
        string copy,
        Func<NpgsqlBinaryImporter, Task> write,
        CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        await write(writer);
        await writer.CompleteAsync(cancellationToken);
    }
}
