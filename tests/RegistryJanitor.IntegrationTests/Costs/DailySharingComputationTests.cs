using Dapper;
using RegistryJanitor.Core.Costs;
using RegistryJanitor.Core.Sharing;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.Storage.Costs;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Costs;

public sealed class DailySharingComputationTests(PostgresDatabaseFixture database)
    : IClassFixture<PostgresDatabaseFixture>
{
    private const string SelectTagsSql = """
        SELECT r.name AS Repository, s.tag AS Tag, s.digest AS Digest, s.previous_tag AS PreviousTag,
               s.cold_pull_bytes AS ColdPullBytes, s.incremental_pull_bytes AS IncrementalPullBytes
        FROM daily_tag_snapshots AS s
        JOIN repositories AS r ON r.id = s.repository_id
        WHERE s.registry_id = @registryId AND s.day = @day
        """;

    private const string SelectFamiliesSql = """
        SELECT name AS Name, family_key AS Key, members AS Members, repositories AS Repositories,
               shared_layers AS SharedLayers, shared_bytes AS SharedBytes,
               bytes_saved_by_sharing AS BytesSavedBySharing
        FROM daily_base_families
        WHERE registry_id = @registryId AND day = @day
        """;

    private static readonly DateOnly Day = new(2026, 2, 10);

    public static TheoryData<string> Inventories => ["mixed", "families"];

    [Theory]
    [MemberData(nameof(Inventories))]
    public async Task ComputeAsync_Inventory_TagPullBytesAndBaseFamiliesEqualTheReference(string name)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var registry = "sharing-" + name;
        var inventory = name == "mixed" ? CostInventories.Mixed(registry) : CostInventories.Families(registry);
        var registryId = await InventoryTestLoader.LoadAsync(
            database.DataSource, inventory, new Dictionary<string, string>(), cancellationToken);
        var computation = new DailyCostComputation(database.DataSource);
        var request = new DailyCostRequest(registryId, registry, Day, Pricing(), DateTimeOffset.UnixEpoch);

        await computation.ComputeAsync(request, cancellationToken);
        await computation.ComputeAsync(request, cancellationToken);

        var expectedTags = new SharingCalculator(inventory, DedupScope.Registry).Tags()
            .OrderBy(t => t.Repository, StringComparer.Ordinal)
            .ThenBy(t => t.Tag, StringComparer.Ordinal)
            .Select(t => new TagRow(
                t.Repository, t.Tag, t.Digest, t.PreviousTag, t.ColdPullBytes, t.IncrementalPullBytes))
            .ToList();
        var expectedFamilies = BaseImageFamilyFinder.Find(inventory)
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => new FamilyRow(
                f.Name, f.Key, f.Members, f.Repositories, f.SharedLayers, f.SharedBytes, f.BytesSavedBySharing))
            .ToList();
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var parameters = new { registryId, day = Day };
        var tags = (await connection.QueryAsync<TagRow>(new CommandDefinition(
                SelectTagsSql, parameters, cancellationToken: cancellationToken)))
            .OrderBy(t => t.Repository, StringComparer.Ordinal)
            .ThenBy(t => t.Tag, StringComparer.Ordinal)
            .ToList();
        var families = (await connection.QueryAsync<FamilyRow>(new CommandDefinition(
                SelectFamiliesSql, parameters, cancellationToken: cancellationToken)))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .ToList();

        Assert.Contains(expectedTags, t => t.PreviousTag is not null && t.IncrementalPullBytes < t.ColdPullBytes);
        Assert.NotEmpty(expectedFamilies);
        Assert.Equal(expectedTags, tags);
        Assert.Equal(expectedFamilies, families);
    }

    private static PricingOptions Pricing()
    {
        var pricing = new PricingOptions();
        pricing.Profiles["generic"] = new PricingProfileOptions { Source = "test", StoragePricePerGbMonth = 0.1m };
        return pricing;
    }

    private sealed record TagRow(
        string Repository, string Tag, string Digest, string? PreviousTag, long ColdPullBytes,
        long IncrementalPullBytes);

    private sealed record FamilyRow(
        string Name, string Key, int Members, int Repositories, int SharedLayers, long SharedBytes,
        long BytesSavedBySharing);
}
