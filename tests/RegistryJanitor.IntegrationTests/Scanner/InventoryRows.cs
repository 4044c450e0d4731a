using System.Text.Json;
using Dapper;
using Npgsql;

namespace RegistryJanitor.IntegrationTests.Scanner;

/// <summary>Reads back what the scanner stored for one registry, in the shapes the expectations use.</summary>
public sealed class InventoryRows(NpgsqlDataSource dataSource, string registry)
{
    private const string TagsSql = """
        SELECT r.name AS Repository, t.name AS Tag, m.digest AS Digest
        FROM tags AS t
        JOIN repositories AS r ON r.id = t.repository_id
        JOIN registries AS g ON g.id = r.registry_id
        JOIN manifests AS m ON m.id = t.manifest_id
        WHERE g.name = @registry
        """;

    private const string PresenceSql = """
        SELECT r.name AS Repository, m.digest AS Digest, rm.untagged_since IS NOT NULL AS Untagged,
            rm.deleted_at IS NOT NULL AS Deleted
        FROM repository_manifests AS rm
        JOIN repositories AS r ON r.id = rm.repository_id
        JOIN registries AS g ON g.id = r.registry_id
        JOIN manifests AS m ON m.id = rm.manifest_id
        WHERE g.name = @registry
        """;

    private const string ManifestSql = """
        SELECT digest AS Digest, media_type AS MediaType, kind AS Kind, size_bytes AS Size, os AS Os,
            architecture AS Architecture, config_user AS ConfigUser, to_json(env_names)::text AS EnvNames,
            labels::text AS Labels, to_json(healthcheck)::text AS Healthcheck,
            to_json(exposed_ports)::text AS ExposedPorts, history::text AS History
        FROM manifests
        WHERE digest = @digest
        """;

    private const string BlobsSql = """
        SELECT mb.role || ' ' || mb.position || ' ' || b.digest || ' ' || b.size_bytes || ' ' || mb.media_type
        FROM manifest_blobs AS mb
        JOIN manifests AS m ON m.id = mb.manifest_id
        JOIN blobs AS b ON b.id = mb.blob_id
        WHERE m.digest = @digest
        ORDER BY mb.role, mb.position
        """;

    private const string ChildrenSql = """
        SELECT c.child_digest || ' ' || COALESCE(c.os, '') || '/' || COALESCE(c.architecture, '') || '/'
            || COALESCE(c.variant, '') || ' ' || CASE WHEN c.is_attestation THEN 'True' ELSE 'False' END
        FROM manifest_children AS c
        JOIN manifests AS m ON m.id = c.parent_manifest_id
        WHERE m.digest = @digest AND c.child_manifest_id IS NOT NULL
        ORDER BY c.position
        """;

    private const string TableCountsSql = """
        SELECT (SELECT count(*) FROM manifests) AS Manifests,
            (SELECT count(*) FROM blobs) AS Blobs,
            (SELECT count(*) FROM manifest_blobs) AS ManifestBlobs,
            (SELECT count(*) FROM manifest_children) AS Children,
            (SELECT count(*) FROM tags) AS Tags,
            (SELECT count(*) FROM tag_history) AS TagHistory,
            (SELECT count(*) FROM repository_manifests) AS Presence,
            (SELECT count(*) FROM repositories) AS Repositories
        """;

    public async Task<HashSet<(string Repository, string Tag, string Digest)>> TagsAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(string, string, string)>(
            new CommandDefinition(TagsSql, new { registry }, cancellationToken: ct));
        return [.. rows];
    }

    public async Task<HashSet<(string Repository, string Digest, bool Untagged, bool Deleted)>> PresenceAsync(
        CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(string, string, bool, bool)>(
            new CommandDefinition(PresenceSql, new { registry }, cancellationToken: ct));
        return [.. rows];
    }

    public async Task<StoredManifest?> ManifestAsync(string digest, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<StoredManifest>(
            new CommandDefinition(ManifestSql, new { digest }, cancellationToken: ct));
        if (row is null)
        {
            return null;
        }

        var blobs = await connection.QueryAsync<string>(new CommandDefinition(BlobsSql, new { digest },
            cancellationToken: ct));
        var children = await connection.QueryAsync<string>(
            new CommandDefinition(ChildrenSql, new { digest }, cancellationToken: ct));
        return row with { Blobs = [.. blobs], Children = [.. children] };
    }

    public static async Task<TableCounts> CountsAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleAsync<TableCounts>(new CommandDefinition(TableCountsSql,
            cancellationToken: ct));
    }

    public static List<string> HistoryCreatedBy(string? historyJson)
    {
        if (historyJson is null)
        {
            return [];
        }

        using var document = JsonDocument.Parse(historyJson);
        return [.. document.RootElement.EnumerateArray().Select(e => e.GetProperty("created_by").GetString() ?? string.Empty)];
    }

    public static string[]? Strings(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<string[]>(json);

    public static Dictionary<string, string> Labels(string? labelsJson) =>
        labelsJson is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(labelsJson) ?? [];
}
