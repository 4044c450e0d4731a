using Dapper;
using Npgsql;

namespace RegistryJanitor.Storage.Inventory;

/// <summary>What the scanner reads back before scanning a repository, so it downloads only what is new.</summary>
public sealed class InventoryReader
{
    private const string RegistryIdSql = """
        INSERT INTO registries (name, provider, url, created_at)
        VALUES (@name, @provider, @url, @now)
        ON CONFLICT (name) DO UPDATE
        SET provider = EXCLUDED.provider,
            url = EXCLUDED.url
        RETURNING id
        """;

    private const string RepositoryTagsSql = """
        SELECT t.name AS Name, m.digest AS Digest
        FROM tags AS t
        JOIN repositories AS r ON r.id = t.repository_id
        JOIN manifests AS m ON m.id = t.manifest_id
        WHERE r.registry_id = @registryId AND r.name = @repository
        """;

    private const string RepositoryPresentSql = """
        SELECT m.digest
        FROM repository_manifests AS rm
        JOIN repositories AS r ON r.id = rm.repository_id
        JOIN manifests AS m ON m.id = rm.manifest_id
        WHERE r.registry_id = @registryId AND r.name = @repository AND rm.deleted_at IS NULL
        """;

    private const string KnownManifestsSql = """
        SELECT m.digest AS Digest, m.kind AS Kind, c.child_digest AS ChildDigest, m.subject_digest AS SubjectDigest
        FROM manifests AS m
        LEFT JOIN manifest_children AS c ON c.parent_manifest_id = m.id
        WHERE m.digest = ANY(@digests)
        ORDER BY m.digest, c.position
        """;

    private const string MarkMissingRepositoriesSql = """
        UPDATE repositories
        SET deleted_at = @now
        WHERE registry_id = @registryId
          AND deleted_at IS NULL
          AND NOT (name = ANY(@names))
        """;

    private readonly NpgsqlDataSource dataSource;

    public InventoryReader(NpgsqlDataSource dataSource) => this.dataSource = dataSource;

    /// <summary>The id of the registry named <paramref name="name"/>, created on first use.</summary>
    public async Task<int> EnsureRegistryAsync(
        string name, string provider, Uri url, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            RegistryIdSql,
            new { name, provider, url = url.GetLeftPart(UriPartial.Authority), now },
            cancellationToken: cancellationToken));
    }

    /// <summary>The stored tags and present manifests of one repository (empty for a new repository).</summary>
    public async Task<StoredRepositoryState> LoadRepositoryAsync(
        int registryId, string repository, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var parameters = new { registryId, repository };
        var tags = await connection.QueryAsync<(string Name, string Digest)>(
            new CommandDefinition(RepositoryTagsSql, parameters, cancellationToken: cancellationToken));
        var present = await connection.QueryAsync<string>(
            new CommandDefinition(RepositoryPresentSql, parameters, cancellationToken: cancellationToken));
        return new StoredRepositoryState(
            tags.ToDictionary(t => t.Name, t => t.Digest, StringComparer.Ordinal),
            present.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Which of <paramref name="digests"/> are stored already, with their index children.</summary>
    public async Task<IReadOnlyDictionary<string, KnownManifest>> FindKnownAsync(
        IReadOnlyCollection<string> digests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digests);
        if (digests.Count == 0)
        {
            return new Dictionary<string, KnownManifest>(StringComparer.Ordinal);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Digest, string Kind, string? ChildDigest, string? Subject)>(
            new CommandDefinition(KnownManifestsSql, new { digests = digests.ToArray() },
                cancellationToken: cancellationToken));
        return rows.GroupBy(r => r.Digest, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => new KnownManifest(
                    g.Key,
                    g.First().Kind,
                    g.Where(r => r.ChildDigest is not null).Select(r => r.ChildDigest!).ToList(),
                    g.First().Subject),
                StringComparer.Ordinal);
    }

    /// <summary>Marks repositories that the catalog no longer lists as deleted.</summary>
    public async Task MarkMissingRepositoriesAsync(
        int registryId, IReadOnlyCollection<string> listed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listed);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            MarkMissingRepositoriesSql,
            new { registryId, names = listed.ToArray(), now },
            cancellationToken: cancellationToken));
    }
}
