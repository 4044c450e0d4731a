using Dapper;
using Npgsql;
using RegistryJanitor.Core.Sharing;
using SharingInventory = RegistryJanitor.Core.Sharing.Inventory;

namespace RegistryJanitor.Storage.Reports.Retention;

/// <summary>Reads one registry's present inventory from PostgreSQL into the simulator's in-memory model.</summary>
/// <remarks>
/// A manifest's push time is the provider's (ACR, ECR) when known, else when the scanner first saw it; a tag's is
/// when it was first seen on its current manifest, as the daily cost computation orders tags.
/// </remarks>
public sealed class RetentionInventoryReader
{
    private const int CommandTimeoutSeconds = 600;

    private readonly NpgsqlDataSource dataSource;

    public RetentionInventoryReader(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        this.dataSource = dataSource;
    }

    /// <summary>The manifests present in registry <paramref name="registryId"/> now, with tags and blobs.</summary>
    public async Task<SharingInventory> ReadAsync(int registryId, string registry, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(registry);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(
            System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var parameters = new { registryId };

        var manifests = await QueryAsync<InventoryManifestRow>(
            connection, transaction, RetentionInventorySql.SelectManifests, parameters, cancellationToken);
        var blobs = (await QueryAsync<InventoryBlobRow>(
                connection, transaction, RetentionInventorySql.SelectBlobs, parameters, cancellationToken))
            .GroupBy(row => row.ManifestId)
            .ToDictionary(group => group.Key, group => group.ToList());
        var children = (await QueryAsync<InventoryChildRow>(
                connection, transaction, RetentionInventorySql.SelectChildren, parameters, cancellationToken))
            .GroupBy(row => row.ManifestId)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<string>)[.. group.Select(row => row.Digest)]);
        var tags = (await QueryAsync<InventoryTagRow>(
                connection, transaction, RetentionInventorySql.SelectTags, parameters, cancellationToken))
            .GroupBy(row => (row.RepositoryId, row.ManifestId))
            .ToDictionary(
                group => group.Key,
                group => (IReadOnlyList<InventoryTag>)[.. group.Select(ToTag)]);
        await transaction.CommitAsync(cancellationToken);

        return new SharingInventory(registry, manifests.Select(row =>
        {
            var own = blobs.GetValueOrDefault(row.ManifestId) ?? [];
            var config = own.Find(blob => blob.IsConfig);
            return new InventoryManifest(
                row.Repository,
                row.Digest,
                KindOf(row.Kind),
                row.ManifestBytes,
                config is null ? null : new BlobReference(config.Digest, config.Size),
                [.. own.Where(blob => !blob.IsConfig).Select(blob => new BlobReference(blob.Digest, blob.Size))],
                children.GetValueOrDefault(row.ManifestId) ?? [],
                tags.GetValueOrDefault((row.RepositoryId, row.ManifestId)) ?? [],
                Utc(row.PushedAt),
                row.UntaggedSince is { } untagged ? Utc(untagged) : null,
                row.LastPulledAt is { } pulled ? Utc(pulled) : null,
                row.SubjectDigest);
        }));
    }

    /// <summary>Maps the stored manifest kind onto what sharing and retention distinguish.</summary>
    public static ManifestKind KindOf(string storedKind) => storedKind switch
    {
        "image" => ManifestKind.Image,
        "index" => ManifestKind.Index,
        "build_cache" => ManifestKind.BuildCache,
        "attestation" or "signature" or "sbom" => ManifestKind.Referrer,
        _ => ManifestKind.Artifact,
    };

    private static InventoryTag ToTag(InventoryTagRow row) => new(row.Name, Utc(row.PushedAt));

    private static DateTimeOffset Utc(DateTime value) =>
        new(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero);

    private static async Task<List<T>> QueryAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string sql, object parameters, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<T>(new CommandDefinition(
            sql, parameters, transaction, CommandTimeoutSeconds, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
