using Dapper;
using RegistryJanitor.IntegrationTests.Support.Images;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Reports;

public sealed class CostSheetsFromDatabaseTests(WorkbookSheetsScenario scenario)
    : IClassFixture<WorkbookSheetsScenario>
{
    private const double G = WorkbookSheetsScenario.BytesPerGiB;
    private const double Price = WorkbookSheetsScenario.PricePerGbMonth;

    private const string SelectRegistrySql = """
        SELECT repositories AS Repositories, tags AS Tags, manifests AS Manifests, logical_bytes AS LogicalBytes,
               stored_bytes AS StoredBytes, egress_bytes::double precision AS EgressBytes,
               egress_cost::double precision AS EgressCost
        FROM daily_registry_snapshots
        WHERE registry_id = @registryId AND day = @day
        """;

    private const string SelectRepositoriesSql = """
        SELECT team AS Team, logical_bytes AS LogicalBytes, stored_bytes AS StoredBytes
        FROM daily_snapshots
        WHERE registry_id = @registryId AND day = @day
        """;

    private const string SelectBaseFamiliesSql = """
        SELECT family_key AS Key, name AS Name
        FROM daily_base_families
        WHERE registry_id = @registryId AND day = @day
        """;

    private const string SelectRepositoryCostsSql = """
        SELECT repository AS Repository, team AS Team, manifests AS Manifests, stored_bytes AS StoredBytes,
               egress_bytes::double precision AS EgressBytes
        FROM daily_snapshots
        WHERE registry_id = @registryId AND day = @day
        """;

    private const string SelectImageCostsSql = """
        SELECT s.digest AS Digest, s.amortized_bytes::double precision AS AmortizedBytes,
               s.egress_bytes::double precision AS EgressBytes
        FROM daily_image_snapshots s
        WHERE s.registry_id = @registryId AND s.day = @day
        """;

    private const string SelectRegistryTotalsSql = """
        SELECT stored_bytes AS StoredBytes, pulls::double precision AS Pulls,
               egress_bytes::double precision AS EgressBytes
        FROM daily_registry_snapshots
        WHERE registry_id = @registryId AND day = @day
        """;

    [Fact]
    public async Task Registries_ScannedRegistry_EqualsRegistrySnapshot()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = await scenario.DataSource.OpenConnectionAsync(cancellationToken);
        var expected = await connection.QuerySingleAsync<(int Repositories, int Tags, int Manifests,
            long LogicalBytes, long StoredBytes, double EgressBytes, double EgressCost)>(new CommandDefinition(
                SelectRegistrySql, Parameters(), cancellationToken: cancellationToken));

        using var workbook = new WorkbookReadback(scenario.CostsPath);
        var row = Assert.Single(SheetTable.Rows(workbook, "Registries"));

        Assert.Equal(WorkbookSheetsScenario.RegistryName, row["Registry"].Value);
        Assert.Equal(2, expected.Repositories);
        Assert.Equal(expected.Repositories, (int)row["Repositories"].Number);
        Assert.Equal(scenario.Images.Count, (int)row["Tags"].Number);
        Assert.Equal(expected.Tags, (int)row["Tags"].Number);
        Assert.Equal(expected.Manifests, (int)row["Manifests"].Number);
        Assert.Equal(expected.LogicalBytes, (long)row["Logical bytes"].Number);
        Assert.Equal(StoredBytes(scenario.Images), expected.StoredBytes);
        Assert.Equal(expected.StoredBytes, (long)row["Stored bytes"].Number);
        Assert.Equal(expected.StoredBytes / G, row["Stored GiB"].Number, 9);
        Assert.Equal(WorkbookSheetsScenario.EventPulls, (long)row["Pulls"].Number);
        Assert.Equal(Math.Round(expected.EgressBytes), row["Egress bytes"].Number);
        Assert.Equal(expected.StoredBytes / G * Price, row["Storage cost"].Number, 9);
        Assert.Equal(expected.EgressCost, row["Egress cost"].Number, 9);
        Assert.Equal(row["Storage cost"].Number + row["Egress cost"].Number, row["Total cost"].Number, 9);
    }

    [Fact]
    public async Task Teams_TwoLabelledRepositories_EqualBuiltBlobsAndRepositorySnapshots()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = await scenario.DataSource.OpenConnectionAsync(cancellationToken);
        var repositories = (await connection.QueryAsync<(string Team, long LogicalBytes, long StoredBytes)>(
            new CommandDefinition(SelectRepositoriesSql, Parameters(), cancellationToken: cancellationToken))).ToList();
        var teams = new Dictionary<string, PushedImage[]>
        {
            ["payments"] = [scenario.WebV1, scenario.WebV2, scenario.WebV3],
            ["search"] = [scenario.ApiW1],
        };

        using var workbook = new WorkbookReadback(scenario.CostsPath);
        var rows = SheetTable.Rows(workbook, "Teams").ToDictionary(r => r["Team"].Value!);

        Assert.Equal(teams.Keys.Order(), rows.Keys.Order());
        foreach (var (team, images) in teams)
        {
            var row = rows[team];
            var ofTeam = repositories.Where(r => r.Team == team).ToList();
            Assert.Equal(1, (int)row["Repositories"].Number);
            Assert.Equal(images.Length, (int)row["Tags"].Number);
            Assert.Equal(ofTeam.Sum(r => r.LogicalBytes), (long)row["Logical bytes"].Number);
            Assert.Equal(images.Sum(i => i.ImageBytes), (long)row["Logical bytes"].Number);
            Assert.Equal(StoredBytes(images), (long)row["Stored bytes"].Number);
            Assert.Equal(team == "search" ? WorkbookSheetsScenario.EventPulls : 0, (long)row["Pulls"].Number);
            Assert.Equal(ofTeam.Sum(r => r.StoredBytes / G * Price), row["Storage cost"].Number, 9);
            Assert.Equal(row["Storage cost"].Number + row["Egress cost"].Number, row["Total cost"].Number, 9);
        }
    }

    [Fact]
    public void DeadWeight_OldImageAndImageNotPulledForLong_ListedAsStaleWithTheirExclusiveBytes()
    {
        var pulledLongAgo = scenario.Day.AddDays(-WorkbookSheetsScenario.WebV2LastPullDaysAgo);
        var expected = new Dictionary<string, (PushedImage Image, int AgeDays, double? LastPulled)>
        {
            [scenario.WebV1.Digest] = (scenario.WebV1,
                scenario.Day.DayNumber - DateOnly.FromDateTime(scenario.OldCreated.UtcDateTime).DayNumber, null),
            [scenario.WebV2.Digest] = (scenario.WebV2, WorkbookSheetsScenario.WebV2LastPullDaysAgo,
                pulledLongAgo.ToDateTime(TimeOnly.MinValue).ToOADate()),
        };

        using var workbook = new WorkbookReadback(scenario.CostsPath);
        var rows = SheetTable.Rows(workbook, "Dead weight");

        Assert.Equal(expected.Keys.Order(), rows.Select(r => r["Digest"].Value!).Order());
        foreach (var row in rows)
        {
            var (image, ageDays, lastPulled) = expected[row["Digest"].Value!];
            var others = scenario.Images.Where(i => i != image).ToList();
            var exclusive = WorkbookSheetsScenario.FreedBytes([image], others) - image.Size;
            Assert.Equal(image.Config.Size + image.Layers[^1].Size, exclusive);
            Assert.Equal("stale", row["Kind"].Value);
            Assert.Equal(WorkbookSheetsScenario.RegistryName, row["Registry"].Value);
            Assert.Equal(image.Repository, row["Repository"].Value);
            Assert.Equal(image.Tag, row["Tag"].Value);
            Assert.Equal(exclusive, (long)row["Freed bytes"].Number);
            Assert.Equal(exclusive / G * Price, row["Monthly cost"].Number, 9);
            Assert.Equal(ageDays, (int)row["Age days"].Number);
            Assert.Equal(scenario.Created[image.Digest].UtcDateTime.Date.ToOADate(), row["Pushed"].Number);
            Assert.Equal(lastPulled, row["Last pulled"].Value is null ? null : row["Last pulled"].Number);
        }
    }

    [Fact]
    public async Task SharedLayers_BaseAndWebLayers_EqualLayersTheTestShared()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = await scenario.DataSource.OpenConnectionAsync(cancellationToken);
        var families = (await connection.QueryAsync<(string Key, string Name)>(new CommandDefinition(
            SelectBaseFamiliesSql, Parameters(), cancellationToken: cancellationToken))).ToDictionary(f => f.Key);
        var layers = scenario.Images
            .SelectMany(image => image.Layers.Select(layer => (image.Repository, Layer: layer)))
            .GroupBy(x => x.Layer.Digest)
            .Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => (Size: g.First().Layer.Size, Manifests: g.Count(),
                Repositories: g.Select(x => x.Repository).Distinct().Count()));

        using var workbook = new WorkbookReadback(scenario.CostsPath);
        var rows = SheetTable.Rows(workbook, "Shared layers");

        Assert.Equal(2, layers.Count);
        var baseLayer = scenario.WebV1.Layers[0].Digest;
        Assert.True(families.ContainsKey(baseLayer), "the layer every image starts with is a base family");
        Assert.Equal(layers.Keys.Order(), rows.Select(r => r["Digest"].Value!).Order());
        foreach (var row in rows)
        {
            var expected = layers[row["Digest"].Value!];
            Assert.Equal(WorkbookSheetsScenario.RegistryName, row["Registry"].Value);
            Assert.Equal(expected.Size, (long)row["Size bytes"].Number);
            Assert.Equal(expected.Size / G, row["Size GiB"].Number, 9);
            Assert.Equal(expected.Manifests, (int)row["Referencing manifests"].Number);
            Assert.Equal(expected.Repositories, (int)row["Referencing repositories"].Number);
            Assert.Equal(expected.Size * (expected.Manifests - 1), (long)row["Bytes saved by sharing"].Number);
            Assert.Equal(families.GetValueOrDefault(row["Digest"].Value!).Name, row["Base family"].Value);
        }
    }

    [Fact]
    public void Images_ConfigCreatedAndEventPulls_GivePushedAndLastPull()
    {
        using var workbook = new WorkbookReadback(scenario.CostsPath);
        var rows = SheetTable.Rows(workbook, "Images").ToDictionary(r => r["Digest"].Value!);

        Assert.Equal(scenario.Images.Count, rows.Count);
        foreach (var image in scenario.Images)
        {
            var row = rows[image.Digest];
            Assert.Equal(image.Tag, row["Tag"].Value);
            Assert.Equal(scenario.Created[image.Digest].UtcDateTime.Date.ToOADate(), row["Pushed"].Number);
            Assert.Equal("config created", row["Pushed source"].Value);
            if (image == scenario.ApiW1)
            {
                Assert.Equal(scenario.Day.ToDateTime(TimeOnly.MinValue).ToOADate(), row["Last pull"].Number);
                Assert.Equal(WorkbookSheetsScenario.EventPulls, (long)row["Pulls"].Number);
            }
            else if (image == scenario.WebV2)
            {
                var pulled = scenario.Day.AddDays(-WorkbookSheetsScenario.WebV2LastPullDaysAgo);
                Assert.Equal(pulled.ToDateTime(TimeOnly.MinValue).ToOADate(), row["Last pull"].Number);
                Assert.Equal(0, (long)row["Pulls"].Number);
            }
            else
            {
                Assert.Null(row["Last pull"].Value);
            }
        }
    }

    [Fact]
    public async Task Summary_ScannedRegistry_TotalsAndTopRepositoriesEqualSnapshotsAtAssumptionPrices()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = await scenario.DataSource.OpenConnectionAsync(cancellationToken);
        var registry = await connection.QuerySingleAsync<(long StoredBytes, double Pulls, double EgressBytes)>(
            new CommandDefinition(SelectRegistryTotalsSql, Parameters(), cancellationToken: cancellationToken));
        var repositories = (await connection.QueryAsync<(string Repository, string Team, int Manifests,
            long StoredBytes, double EgressBytes)>(new CommandDefinition(
                SelectRepositoryCostsSql, Parameters(), cancellationToken: cancellationToken))).ToList();

        using var workbook = new WorkbookReadback(scenario.CostsPath);
        var storagePrice = Assumption(workbook, "Storage price");
        var included = Assumption(workbook, "Included storage");
        var dailyFee = Assumption(workbook, "Daily fee");
        var egressPrice = Assumption(workbook, "Egress price");
        double Figure(string label) => CostWorkbookTests.SummaryValue(workbook, label);

        Assert.Equal(Price, storagePrice);
        Assert.Equal(WorkbookSheetsScenario.EgressPricePerGb, egressPrice);
        var storage = (Math.Max(0, (registry.StoredBytes / G) - included) * storagePrice)
            + (dailyFee * scenario.Day.Day);
        var egress = registry.EgressBytes / G * egressPrice;
        Assert.True(egress > 0);
        Assert.Equal(StoredBytes(scenario.Images), (long)Figure("Stored bytes"));
        Assert.Equal(registry.StoredBytes, (long)Figure("Stored bytes"));
        Assert.Equal(registry.StoredBytes / G, Figure("Stored GiB"), 9);
        Assert.Equal(storage, Figure("Storage cost"), 9);
        Assert.Equal(registry.Pulls, Figure("Pulls"), 6);
        Assert.Equal(Math.Round(registry.EgressBytes), Figure("Egress bytes"));
        Assert.Equal(registry.EgressBytes / G, Figure("Egress GiB"), 6);
        Assert.Equal(egress, Figure("Egress cost"), 9);
        Assert.Equal(storage + egress, Figure("Total cost"), 9);

        var top = repositories
            .Select(r => (r.Repository, r.Team,
                Total: (r.StoredBytes / G * storagePrice) + (r.EgressBytes / G * egressPrice)))
            .OrderByDescending(r => r.Total)
            .ToList();
        var cells = workbook.Cells("Summary");
        var title = cells.Single(c => c.Value.Value == "Top 10 repositories by total cost").Key;
        var firstRow = int.Parse(title[1..], System.Globalization.CultureInfo.InvariantCulture) + 2;
        for (var i = 0; i < top.Count; i++)
        {
            var row = firstRow + i;
            Assert.Equal(i + 1, (int)workbook.Cell("Summary", $"A{row}").Number);
            Assert.Equal(WorkbookSheetsScenario.RegistryName, workbook.Cell("Summary", $"B{row}").Value);
            Assert.Equal(top[i].Repository, workbook.Cell("Summary", $"C{row}").Value);
            Assert.Equal(top[i].Team, workbook.Cell("Summary", $"D{row}").Value);
            Assert.Equal(top[i].Total, workbook.Cell("Summary", $"E{row}").Number, 9);
        }

        Assert.Null(workbook.Cell("Summary", $"C{firstRow + top.Count}").Value);
    }

    [Fact]
    public async Task Repositories_ScannedRegistry_ManifestsAndCostsEqualRepositorySnapshots()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = await scenario.DataSource.OpenConnectionAsync(cancellationToken);
        var repositories = (await connection.QueryAsync<(string Repository, string Team, int Manifests,
            long StoredBytes, double EgressBytes)>(new CommandDefinition(
                SelectRepositoryCostsSql, Parameters(), cancellationToken: cancellationToken))).ToList();

        using var workbook = new WorkbookReadback(scenario.CostsPath);
        var rows = SheetTable.Rows(workbook, "Repositories").ToDictionary(r => r["Repository"].Value!);
        var storagePrice = Assumption(workbook, "Storage price");
        var egressPrice = Assumption(workbook, "Egress price");

        Assert.Equal(repositories.Select(r => r.Repository).Order(), rows.Keys.Order());
        foreach (var expected in repositories)
        {
            var row = rows[expected.Repository];
            var images = scenario.Images.Where(i => i.Repository == expected.Repository).ToList();
            Assert.Equal(images.Select(i => i.Digest).Distinct().Count(), expected.Manifests);
            Assert.Equal(expected.Manifests, (int)row["Manifests"].Number);
            var storage = expected.StoredBytes / G * storagePrice;
            var egress = expected.EgressBytes / G * egressPrice;
            Assert.Equal(egress, row["Egress cost"].Number, 9);
            Assert.Equal(storage + egress, row["Total cost"].Number, 9);
        }
    }

    [Fact]
    public async Task Images_ScannedRegistry_AmortizedAndEgressBytesAndCostsEqualImageSnapshots()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = await scenario.DataSource.OpenConnectionAsync(cancellationToken);
        var images = (await connection.QueryAsync<(string Digest, double AmortizedBytes, double EgressBytes)>(
            new CommandDefinition(SelectImageCostsSql, Parameters(), cancellationToken: cancellationToken)))
            .ToDictionary(i => i.Digest);

        using var workbook = new WorkbookReadback(scenario.CostsPath);
        var rows = SheetTable.Rows(workbook, "Images");
        var storagePrice = Assumption(workbook, "Storage price");
        var egressPrice = Assumption(workbook, "Egress price");

        Assert.Equal(scenario.Images.Count, rows.Count);
        // Amortized bytes share each distinct blob among the images referencing it; manifest documents stay out.
        var blobBytes = scenario.Images.SelectMany(i => i.Blobs).DistinctBy(b => b.Digest).Sum(b => b.Size);
        Assert.Equal(blobBytes, images.Values.Sum(i => i.AmortizedBytes), 0);
        Assert.Contains(images.Values, i => i.EgressBytes > 0);
        foreach (var row in rows)
        {
            var expected = images[row["Digest"].Value!];
            Assert.Equal(expected.AmortizedBytes, row["Amortized bytes"].Number, 0);
            Assert.Equal(expected.EgressBytes, row["Egress bytes"].Number, 0);
            Assert.Equal(expected.AmortizedBytes / G * storagePrice, row["Storage cost"].Number, 6);
            Assert.Equal(expected.EgressBytes / G * egressPrice, row["Egress cost"].Number, 6);
        }
    }

    /// <summary>The registry's value of an assumption on the Assumptions sheet.</summary>
    private static double Assumption(WorkbookReadback workbook, string assumption) =>
        workbook.Cell("Assumptions", CostWorkbookTests.PriceCell(workbook, WorkbookSheetsScenario.RegistryName,
            assumption).Replace("$", string.Empty, StringComparison.Ordinal)).Number;

    /// <summary>Distinct blobs plus manifest documents of <paramref name="images"/>, computed from the push.</summary>
    private static long StoredBytes(IReadOnlyList<PushedImage> images) =>
        images.SelectMany(i => i.Blobs).DistinctBy(b => b.Digest).Sum(b => b.Size)
        + images.DistinctBy(i => i.Digest).Sum(i => i.Size);

    private object Parameters() =>
        new { registryId = scenario.RegistryId, day = scenario.Day.ToDateTime(TimeOnly.MinValue) };
}
