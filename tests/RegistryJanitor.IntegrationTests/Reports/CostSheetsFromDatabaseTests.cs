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
    public void SharedLayers_BaseAndWebLayers_EqualLayersTheTestShared()
    {
        var layers = scenario.Images
            .SelectMany(image => image.Layers.Select(layer => (image.Repository, Layer: layer)))
            .GroupBy(x => x.Layer.Digest)
            .Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => (Size: g.First().Layer.Size, Manifests: g.Count(),
                Repositories: g.Select(x => x.Repository).Distinct().Count()));

        using var workbook = new WorkbookReadback(scenario.CostsPath);
        var rows = SheetTable.Rows(workbook, "Shared layers");

        Assert.Equal(2, layers.Count);
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

    /// <summary>Distinct blobs plus manifest documents of <paramref name="images"/>, computed from the push.</summary>
    private static long StoredBytes(IReadOnlyList<PushedImage> images) =>
        images.SelectMany(i => i.Blobs).DistinctBy(b => b.Digest).Sum(b => b.Size)
        + images.DistinctBy(i => i.Digest).Sum(i => i.Size);

    private object Parameters() =>
        new { registryId = scenario.RegistryId, day = scenario.Day.ToDateTime(TimeOnly.MinValue) };
}
