using Dapper;
using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using System.Text.Json.Nodes;
using RegistryJanitor.Registries.Acr;
using RegistryJanitor.Scanning;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>
/// A scan through the ACR provider (fake token service and <c>/acr/v1</c> metadata API in the shapes of the
/// Azure REST spec examples, with a real distribution registry behind its <c>/v2</c>) stores the same tags and
/// presence as a generic scan of the same registry, plus the provider-only facts (push time, size, locked).
/// </summary>
public sealed class AcrScanAcceptanceTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const string FactsSql = """
        SELECT m.digest, rm.pushed_at, rm.last_pulled_at, rm.provider_size_bytes, rm.locked, rm.facts_source,
            rm.provider_role
        FROM repository_manifests AS rm
        JOIN repositories AS r ON r.id = rm.repository_id
        JOIN registries AS g ON g.id = r.registry_id
        JOIN manifests AS m ON m.id = rm.manifest_id
        WHERE g.name = @registry
        """;

    [Fact]
    public async Task ScanAsync_AcrProviderOverRealRegistry_StoresSameRowsAsGenericScanPlusProviderFacts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var registry = await RegistryProcess.StartAsync(new RegistryProcessOptions(), ct);
        using var builder = TestImageBuilder.For(registry.BaseAddress);
        var repository = "team/app";
        var first = await builder.Image(repository).Layer(l => l.File("/srv/a.txt", "alpha"))
            .PushAsync(["v1", "stable"], ct);
        var second = await builder.Image(repository).Layer(l => l.File("/srv/b.txt", "beta")).PushAsync("v2", ct);
        var created = new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero);
        await using var acr = await CloudScanArrange.StartAcrAsync(registry.BaseAddress, ct);
        acr.Manifests[repository] =
        [
            Item(first, ["v1", "stable"], created, deleteEnabled: false),
            Item(second, ["v2"], created.AddDays(1), deleteEnabled: true),
        ];
        await using var host = new ScannerHost(database.DataSource);
        var generic = ScannerHost.Registry("generic-acr-source", registry.BaseAddress);
        var cloud = CloudScanArrange.AcrOptions(acr, "acr-scan");

        var genericRun = await host.ScanAsync(generic, ct);
        var cloudRun = await host.ScanAsync(cloud, ct);

        Assert.Equal(ScanStatus.Succeeded, genericRun.Status);
        Assert.Equal(ScanStatus.Succeeded, cloudRun.Status);
        var genericRows = new InventoryRows(database.DataSource, generic.Name);
        var cloudRows = new InventoryRows(database.DataSource, cloud.Name);
        var expectedTags = new HashSet<(string, string, string)>
        {
            (repository, "v1", first.Digest), (repository, "stable", first.Digest), (repository, "v2", second.Digest),
        };
        Assert.Equal(expectedTags, await genericRows.TagsAsync(ct));
        Assert.Equal(expectedTags, await cloudRows.TagsAsync(ct));
        Assert.Equal(await genericRows.PresenceAsync(ct), await cloudRows.PresenceAsync(ct));
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        var facts = (await connection.QueryAsync<(string, DateTime?, DateTime?, long?, bool?, string?, string?)>(
            new CommandDefinition(FactsSql, new { registry = cloud.Name }, cancellationToken: ct)))
            .ToDictionary(f => f.Item1);
        Assert.Equal(
            (first.Digest, (DateTime?)created.UtcDateTime, (DateTime?)null, (long?)first.ImageBytes,
                (bool?)true, (string?)AcrRegistryProvider.ManifestSource, (string?)"tagged"),
            facts[first.Digest]);
        Assert.Equal(
            (second.Digest, (DateTime?)created.AddDays(1).UtcDateTime, (DateTime?)null, (long?)second.ImageBytes,
                (bool?)false, (string?)AcrRegistryProvider.ManifestSource, (string?)"tagged"),
            facts[second.Digest]);
    }

    private static JsonObject Item(PushedImage image, string[] tags, DateTimeOffset created, bool deleteEnabled) =>
        new()
        {
            ["digest"] = image.Digest,
            ["imageSize"] = image.ImageBytes,
            ["createdTime"] = created.ToString("O"),
            ["lastUpdateTime"] = created.ToString("O"),
            ["mediaType"] = image.MediaType,
            ["configMediaType"] = image.Config.MediaType,
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["tags"] = new JsonArray(tags.Select(t => (JsonNode)t).ToArray()),
            ["changeableAttributes"] = new JsonObject
            {
                ["deleteEnabled"] = deleteEnabled,
                ["writeEnabled"] = true,
                ["readEnabled"] = true,
                ["listEnabled"] = true,
            },
        };
}
