using Dapper;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using RegistryJanitor.Scanning;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Scanner;

public sealed class ScanAcceptanceTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task ScanAsync_SeededRegistry_StoresExactlyWhatWasPushedAndRescanFetchesNothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var registryUrl = TestRegistryEnvironment.RequireRegistry();
        using var builder = TestImageBuilder.For(registryUrl);
        var seed = new ScanSeed(builder, TestImageBuilder.UniqueRepository("scan"));
        await seed.SeedAsync(cancellationToken);
        await using var host = new ScannerHost(database.DataSource);
        var registry = ScannerHost.Registry("seeded", registryUrl, seed.Prefix + "/**");
        var rows = new InventoryRows(database.DataSource, "seeded");

        var first = await host.ScanAsync(registry, cancellationToken);

        Assert.Equal(ScanStatus.Succeeded, first.Status);
        Assert.Equal(0, first.Errors);
        Assert.Equal(ScanSeed.RepositoryCount, first.Counts.RepositoriesTotal);
        Assert.Equal(ScanSeed.RepositoryCount, first.Counts.RepositoriesScanned);
        Assert.Equal(seed.Tags.Count, first.Counts.TagsSeen);
        Assert.Equal(seed.Manifests.Count, first.Counts.ManifestsNew);
        var expectedTags = seed.Tags.Select(t => (t.Key.Repository, t.Key.Tag, t.Value)).ToHashSet();
        Assert.Equal(expectedTags, await rows.TagsAsync(cancellationToken));
        var expectedPresence = seed.Present
            .SelectMany(p => p.Value.Select(d => (p.Key, d, false, false)))
            .ToHashSet();
        Assert.Equal(expectedPresence, await rows.PresenceAsync(cancellationToken));
        foreach (var expected in seed.Manifests.Values)
        {
            await AssertManifestAsync(rows, expected, cancellationToken);
        }

        await AssertNoSecretStoredAsync(cancellationToken);

        var before = await InventoryRows.CountsAsync(database.DataSource, cancellationToken);
        host.Requests.Clear();

        var second = await host.ScanAsync(registry, cancellationToken);

        Assert.Equal(ScanStatus.Succeeded, second.Status);
        Assert.Equal(0, host.Requests.ManifestOrBlobGets);
        Assert.Equal(0, second.Counts.ManifestsNew);
        Assert.Equal(seed.Manifests.Count, second.Counts.ManifestsKnown);
        Assert.Equal(before, await InventoryRows.CountsAsync(database.DataSource, cancellationToken));
        Assert.Equal(expectedTags, await rows.TagsAsync(cancellationToken));
        Assert.Equal(expectedPresence, await rows.PresenceAsync(cancellationToken));
    }

    private static async Task AssertManifestAsync(
        InventoryRows rows, ExpectedManifest expected, CancellationToken cancellationToken)
    {
        var stored = await rows.ManifestAsync(expected.Digest, cancellationToken);

        Assert.NotNull(stored);
        Assert.Equal((expected.Digest, expected.Kind), (stored.Digest, stored.Kind));
        Assert.Equal(expected.MediaType, stored.MediaType);
        Assert.Equal(expected.Size, stored.Size);
        Assert.Equal(expected.Blobs.Order(StringComparer.Ordinal), stored.Blobs.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Children, stored.Children);
        if (expected.Config is not { } config)
        {
            Assert.Null(stored.History);
            return;
        }

        Assert.Equal(config.Os, stored.Os);
        Assert.Equal(config.Architecture, stored.Architecture);
        Assert.Equal(config.User, stored.ConfigUser);
        Assert.Equal(config.EnvNames, InventoryRows.Strings(stored.EnvNames));
        Assert.Equal(config.Labels, InventoryRows.Labels(stored.Labels));
        Assert.Equal(config.Healthcheck, InventoryRows.Strings(stored.Healthcheck));
        Assert.Equal(config.ExposedPorts.Order(StringComparer.Ordinal), InventoryRows.Strings(stored.ExposedPorts)!);
        Assert.Equal(config.HistoryCreatedBy, InventoryRows.HistoryCreatedBy(stored.History));
    }

    private async Task AssertNoSecretStoredAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var leaks = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM manifests AS m WHERE m::text LIKE '%' || @secret || '%'",
            new { secret = ScanSeed.SecretValue },
            cancellationToken: cancellationToken));
        Assert.Equal(0, leaks);
    }
}
