using Dapper;
using RegistryJanitor.Core.Costs;
using RegistryJanitor.Core.Sharing;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.Storage.Costs;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Costs;

public sealed class DailyCostComputationTests(PostgresDatabaseFixture database)
    : IClassFixture<PostgresDatabaseFixture>
{
    private const long GiB = 1L << 30;

    private const string SelectImagesSql = """
        SELECT r.name AS Repository, s.digest AS Digest, s.image_bytes AS ImageBytes,
               s.exclusive_bytes AS ExclusiveBytes, s.amortized_bytes AS AmortizedBytes,
               s.cold_pull_bytes AS ColdPullBytes, s.pulls AS Pulls, s.pull_source AS PullSource,
               s.egress_cost AS EgressCost
        FROM daily_image_snapshots AS s
        JOIN repositories AS r ON r.id = s.repository_id
        WHERE s.registry_id = @registryId AND s.day = @day
        """;

    private const string SelectRepositoriesSql = """
        SELECT repository AS Repository, team AS Team, tags AS Tags, logical_bytes AS LogicalBytes,
               stored_bytes AS StoredBytes, storage_cost AS StorageCost
        FROM daily_snapshots
        WHERE registry_id = @registryId AND day = @day
        """;

    private const string SelectRegistrySql = """
        SELECT logical_bytes AS LogicalBytes, stored_bytes AS StoredBytes, storage_cost AS StorageCost
        FROM daily_registry_snapshots
        WHERE registry_id = @registryId AND day = @day
        """;

    private const string SelectRollupSql = """
        SELECT days, pulls, storage_cost
        FROM monthly_rollups
        WHERE registry_id = @registryId AND repository = 'payments/api' AND month = DATE '2026-02-01'
        """;

    private const string SelectApiDailyCostsSql = """
        SELECT storage_cost
        FROM daily_snapshots
        WHERE registry_id = @registryId AND repository = 'payments/api'
        """;

    private static readonly DateOnly Day = new(2026, 2, 10);

    [Theory]
    [InlineData(DedupScope.Registry)]
    [InlineData(DedupScope.Repository)]
    public async Task ComputeAsync_MixedInventory_SqlFiguresEqualTheReference(DedupScope scope)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var inventory = CostInventories.Mixed("mixed-" + scope.ToString().ToLowerInvariant());
        var registryId = await InventoryTestLoader.LoadAsync(
            database.DataSource, inventory, new Dictionary<string, string>(), cancellationToken);
        var pricing = Pricing(inventory.Registry, scope);
        var computation = new DailyCostComputation(database.DataSource);

        var result = await computation.ComputeAsync(
            new DailyCostRequest(registryId, inventory.Registry, Day, pricing, DateTimeOffset.UnixEpoch),
            cancellationToken);

        var reference = new SharingCalculator(inventory, scope);
        var expectedSummary = reference.RegistrySummary();
        Assert.Equal(expectedSummary.LogicalBytes, result.LogicalBytes);
        Assert.Equal(expectedSummary.StoredBytes, result.StoredBytes);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var parameters = new { registryId, day = Day };
        var images = (await connection.QueryAsync<ImageRow>(new CommandDefinition(
            SelectImagesSql, parameters, cancellationToken: cancellationToken)))
            .ToDictionary(r => (r.Repository, r.Digest));
        Assert.Equal(inventory.Manifests.Count, images.Count);
        foreach (var expected in reference.Images())
        {
            var actual = images[(expected.Key.Repository, expected.Key.Digest)];
            Assert.Equal(expected.ImageBytes, actual.ImageBytes);
            Assert.Equal(expected.ExclusiveBytes, actual.ExclusiveBytes);
            Assert.Equal(expected.ColdPullBytes, actual.ColdPullBytes);
            Assert.Equal(Math.Round(expected.AmortizedBytes, 6), Math.Round(actual.AmortizedBytes, 6));
        }

        var repositories = (await connection.QueryAsync<RepositoryRow>(new CommandDefinition(
            SelectRepositoriesSql, parameters, cancellationToken: cancellationToken))).ToDictionary(r => r.Repository);
        foreach (var expected in reference.RepositorySummaries())
        {
            Assert.Equal(expected.LogicalBytes, repositories[expected.Scope].LogicalBytes);
            Assert.Equal(expected.StoredBytes, repositories[expected.Scope].StoredBytes);
            Assert.Equal(expected.Tags, repositories[expected.Scope].Tags);
        }

        var registry = await connection.QuerySingleAsync<RegistryRow>(new CommandDefinition(
            SelectRegistrySql, parameters, cancellationToken: cancellationToken));
        var monthly = StorageCostCalculator.MonthlyCost(
            "acr-basic", pricing.Profiles["acr-basic"], expectedSummary.StoredBytes, 28);
        Assert.Equal(Math.Round(monthly.Total / 28, 10), registry.StorageCost);
        Assert.Equal(Math.Round(registry.StorageCost, 8), Math.Round(repositories.Values.Sum(r => r.StorageCost), 8));
    }

    [Fact]
    public async Task ComputeAsync_EventsAssumptionsAndRules_PricesEgressAllocatesTeamsAndIsIdempotentPerDay()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var inventory = CostInventories.Mixed("mixed-pulls");
        var apiV2 = inventory.Manifests.Single(m => m.Tags.Any(t => t.Name == "v2"));
        var webTool = inventory.Manifests.Single(m => m.Repository == "web/tool" && m.Kind == ManifestKind.Image);
        var labels = new Dictionary<string, string> { [webTool.Digest] = "{\"team\": \"frontend\"}" };
        var registryId = await InventoryTestLoader.LoadAsync(database.DataSource, inventory, labels, cancellationToken);
        var pricing = Pricing(inventory.Registry, DedupScope.Registry);
        pricing.Allocation.LabelKey = "team";
        pricing.Allocation.PrefixRules.Add(new TeamPrefixRule { Prefix = "payments/", Team = "payments" });
        pricing.PullAssumptions.Add(
            new PullAssumptionOptions { Pattern = "web/**", DeploysPerMonth = 14, Replicas = 4 });
        pricing.PullAssumptions.Add(new PullAssumptionOptions { Pattern = "**", DeploysPerMonth = 28, Replicas = 1 });
        var store = new PullCountStore(database.DataSource);
        PullEvent[] events =
        [
            new("e1", inventory.Registry, "payments/api", apiV2.Digest, Day),
            new("e2", inventory.Registry, "payments/api", apiV2.Digest, Day),
            new("e3", inventory.Registry, "payments/api", apiV2.Digest, Day.AddDays(1)),
        ];
        await store.RecordEventsAsync(events, DateTimeOffset.UnixEpoch, cancellationToken);
        var computation = new DailyCostComputation(database.DataSource);
        var request = new DailyCostRequest(registryId, inventory.Registry, Day, pricing, DateTimeOffset.UnixEpoch);

        await computation.ComputeAsync(request, cancellationToken);
        await computation.ComputeAsync(request, cancellationToken);
        await computation.ComputeAsync(request with { Day = Day.AddDays(1) }, cancellationToken);

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var images = (await connection.QueryAsync<ImageRow>(new CommandDefinition(
            SelectImagesSql, new { registryId, day = Day }, cancellationToken: cancellationToken)))
            .ToDictionary(r => (r.Repository, r.Digest));
        var cold = apiV2.Layers.Sum(l => l.Size);
        var api = images[("payments/api", apiV2.Digest)];
        Assert.Equal((2m, "registry-events"), (api.Pulls, api.PullSource));
        var pricePerByte = 0.5m * 0.087m / GiB;
        Assert.Equal(Math.Round(2m * cold * pricePerByte, 10), api.EgressCost);
        var web = images[("web/tool", webTool.Digest)];
        Assert.Equal((14m * 4 / 28, "configured-assumption"), (web.Pulls, web.PullSource));
        var multi = images.Values.Where(r => r.Repository == "multi" && r.Pulls > 0).ToList();
        Assert.Equal(28m / 28, Assert.Single(multi).Pulls);

        var repositories = (await connection.QueryAsync<RepositoryRow>(new CommandDefinition(
            SelectRepositoriesSql, new { registryId, day = Day }, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Repository);
        Assert.Equal(inventory.Manifests.Select(m => m.Repository).Distinct().Count(), repositories.Count);
        Assert.Equal("payments", repositories["payments/api"].Team);
        Assert.Equal("frontend", repositories["web/tool"].Team);
        Assert.Equal("unallocated", repositories["multi"].Team);

        var rollup = await connection.QuerySingleAsync<(int Days, decimal Pulls, decimal StorageCost)>(
            new CommandDefinition(SelectRollupSql, new { registryId }, cancellationToken: cancellationToken));
        var dailyCosts = await connection.QueryAsync<decimal>(new CommandDefinition(
            SelectApiDailyCostsSql, new { registryId }, cancellationToken: cancellationToken));
        Assert.Equal((2, 3m), (rollup.Days, rollup.Pulls));
        Assert.Equal(dailyCosts.Sum(), rollup.StorageCost);
    }

    private static PricingOptions Pricing(string registry, DedupScope scope)
    {
        var pricing = new PricingOptions { DefaultProfile = "acr-basic" };
        pricing.Profiles["acr-basic"] = new PricingProfileOptions
        {
            Kind = PricingProfileKind.AcrBasic,
            Source = "test",
            DailyFee = 0.167m,
            IncludedStorageGb = 10,
            StoragePricePerGbDay = 0.003m,
            EgressInternetPerGb = 0.087m,
        };
        pricing.Registries[registry] = new RegistryCostOptions
        {
            DedupScope = scope,
            SameRegionShare = 0.5m,
            InternetShare = 0.5m,
        };
        return pricing;
    }

    private sealed record ImageRow(
        string Repository, string Digest, long ImageBytes, long ExclusiveBytes, decimal AmortizedBytes,
        long ColdPullBytes, decimal Pulls, string PullSource, decimal EgressCost);

    private sealed record RepositoryRow(
        string Repository, string Team, int Tags, long LogicalBytes, long StoredBytes, decimal StorageCost);

    private sealed record RegistryRow(long LogicalBytes, long StoredBytes, decimal StorageCost);
}
