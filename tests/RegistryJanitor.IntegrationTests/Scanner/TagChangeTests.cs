using Dapper;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using RegistryJanitor.Scanning;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Scanner;

public sealed class TagChangeTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const string HistorySql = """
        SELECT h.tag, h.change, m.digest AS manifest, p.digest AS previous
        FROM tag_history AS h
        JOIN repositories AS r ON r.id = h.repository_id
        LEFT JOIN manifests AS m ON m.id = h.manifest_id
        LEFT JOIN manifests AS p ON p.id = h.previous_manifest_id
        WHERE r.name = @repository AND h.scan_run_id = @runId
        """;

    [Fact]
    public async Task ScanAsync_RetagUntagAndDelete_RecordsHistoryUntaggedAndDeleted()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var registryUrl = TestRegistryEnvironment.RequireRegistry();
        using var builder = TestImageBuilder.For(registryUrl);
        var repository = TestImageBuilder.UniqueRepository("scan-tags") + "/app";
        var first = await Push(builder, repository, "one").PushAsync(["v1", "stable"], cancellationToken);
        var second = await Push(builder, repository, "two").PushAsync("v2", cancellationToken);
        var third = await Push(builder, repository, "three").PushAsync("old", cancellationToken);
        await using var host = new ScannerHost(database.DataSource);
        var registry = ScannerHost.Registry("tags", registryUrl, repository);
        var rows = new InventoryRows(database.DataSource, "tags");
        await host.ScanAsync(registry, cancellationToken);
        await builder.Tags.RetagAsync("stable", second, cancellationToken);
        await builder.Tags.UntagAsync(repository, "v1", cancellationToken);
        await builder.Tags.DeleteManifestAsync(repository, third.Digest, cancellationToken);

        var rescan = await host.ScanAsync(registry, cancellationToken);

        Assert.Equal(ScanStatus.Succeeded, rescan.Status);
        Assert.Equal(
            new HashSet<(string, string, string)> { (repository, "v2", second.Digest), (repository, "stable",
                second.Digest) },
            await rows.TagsAsync(cancellationToken));
        Assert.Equal(
            new HashSet<(string, string, bool, bool)>
            {
                (repository, first.Digest, true, false),
                (repository, second.Digest, false, false),
                (repository, third.Digest, false, true),
            },
            await rows.PresenceAsync(cancellationToken));
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var history = (await connection.QueryAsync<(string, string, string?, string?)>(new CommandDefinition(
            HistorySql, new { repository, runId = rescan.RunId }, cancellationToken: cancellationToken))).ToHashSet();
        Assert.Equal(
            new HashSet<(string, string, string?, string?)>
            {
                ("stable", "moved", second.Digest, first.Digest),
                ("v1", "removed", null, first.Digest),
                ("old", "removed", null, third.Digest),
            },
            history);
    }

    private static Support.Images.ImageBuilder Push(TestImageBuilder builder, string repository, string content) =>
        builder.Image(repository).Layer(l => l.File("/content", content));
}
