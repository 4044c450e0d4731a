using System.Globalization;
using Dapper;
using Microsoft.Extensions.Configuration;
using RegistryJanitor.Commands;
using RegistryJanitor.Core.Costs;
using RegistryJanitor.IntegrationTests.Ranking;
using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Host;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;
using RegistryJanitor.Storage.Costs;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Reports;

/// <summary>
/// The Dead weight kinds the sheets scenario has none of: a BuildKit registry cache and a referrer whose subject
/// was deleted from the repository.
/// </summary>
public sealed class DeadWeightKindsFromDatabaseTests(PostgresDatabaseFixture database)
    : IClassFixture<PostgresDatabaseFixture>
{
    private const string RegistryName = "deadweight";
    private const double PricePerGbMonth = 0.25;
    private const double GiB = 1073741824d;

    private const string SelectExclusiveBytesSql = """
        SELECT s.exclusive_bytes
        FROM daily_image_snapshots s
        WHERE s.registry_id = @registryId AND s.day = @day::date AND s.digest = @digest
        """;

    [Fact]
    public async Task DeadWeight_BuildCacheAndReferrerOfDeletedSubject_ListedWithTheirExclusiveBytes()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var registry = await RegistryProcess.StartAsync(cancellationToken: cancellationToken);
        using var builder = TestImageBuilder.For(registry.BaseAddress);
        var settings = Settings();
        await using var host = new RankingHost(database.DataSource, settings);
        var now = TimeProvider.System.GetUtcNow();
        var subject = await builder.Image("app/web").Layer(l => l.FileOfSize("/app/old", 60_000, seed: 61))
            .Config(c => c.Created(now)).PushAsync("old", cancellationToken);
        await builder.Image("app/web").Layer(l => l.FileOfSize("/app/new", 50_000, seed: 62))
            .Config(c => c.Created(now)).PushAsync("new", cancellationToken);
        var signature = await builder.Referrers.PushSigstoreBundleAsync(subject, cancellationToken);

        // Tagged, so a scan still reaches the referrer once the referrers API of its subject is gone.
        await builder.Tags.RetagAsync("old-signature", signature, cancellationToken);
        TestLayer[] cacheLayers =
        [
            TestLayer.Create(l => l.FileOfSize("/cache/a", 40_000, seed: 63)),
            TestLayer.Create(l => l.FileOfSize("/cache/b", 30_000, seed: 64)),
        ];
        var cache = await builder.BuildCache.PushImageManifestFormAsync(
            "ci/cache", "buildcache", cacheLayers, cancellationToken);
        await ScanAsync(host, registry.BaseAddress, cancellationToken);
        await builder.Client.DeleteManifestAsync("app/web", subject.Digest, cancellationToken);
        await ScanAsync(host, registry.BaseAddress, cancellationToken);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var registryId = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT id FROM registries WHERE name = 'deadweight'", cancellationToken: cancellationToken));
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var pricing = new ConfigurationBuilder().AddInMemoryCollection(settings).Build()
            .GetSection(PricingOptions.SectionName).Get<PricingOptions>()!;
        await new DailyCostComputation(database.DataSource).ComputeAsync(
            new DailyCostRequest(registryId, RegistryName, day, pricing, now), cancellationToken);
        using var output = new TemporaryDirectory();

        var exitCode = await ReportCommandRunner.RunAsync(
            database.DataSource, settings, day, output.Path, cancellationToken);

        Assert.Equal(ExitCodes.Success, exitCode);
        using var workbook = new WorkbookReadback(Path.Combine(output.Path, $"registry-costs-{day:yyyy-MM}.xlsx"));
        var price = workbook.Cell("Assumptions", CostWorkbookTests.PriceCell(workbook, RegistryName, "Storage price")
            .Replace("$", string.Empty, StringComparison.Ordinal)).Number;
        Assert.Equal(PricePerGbMonth, price);
        var rows = SheetTable.Rows(workbook, "Dead weight").ToDictionary(r => r["Digest"].Value!);
        var expected = new[]
        {
            (Kind: "build-cache", Repository: "ci/cache", Digest: cache.Digest, Tag: (string?)"buildcache"),
            (Kind: "orphaned-referrer", Repository: "app/web", Digest: signature.Digest, Tag: "old-signature"),
        };
        foreach (var item in expected)
        {
            var exclusive = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SelectExclusiveBytesSql,
                new { registryId, day = day.ToDateTime(TimeOnly.MinValue), digest = item.Digest },
                cancellationToken: cancellationToken));
            var row = rows[item.Digest];
            Assert.Equal(item.Kind, row["Kind"].Value);
            Assert.Equal(RegistryName, row["Registry"].Value);
            Assert.Equal(item.Repository, row["Repository"].Value);
            Assert.Equal(item.Tag, row["Tag"].Value);
            Assert.True(exclusive > 0);
            Assert.Equal(exclusive, (long)row["Freed bytes"].Number);
            Assert.Equal(exclusive / GiB * price, row["Monthly cost"].Number, 9);
        }

        Assert.Equal(cache.Blobs.Sum(b => b.Size), (long)rows[cache.Digest]["Freed bytes"].Number);
        Assert.Equal("subject " + subject.Digest, rows[signature.Digest]["Detail"].Value);
    }

    private static async Task ScanAsync(RankingHost host, Uri registry, CancellationToken cancellationToken) =>
        await host.Scanner.ScanAsync(ScannerHost.Registry(RegistryName, registry), null, cancellationToken);

    private static Dictionary<string, string?> Settings() => PipelineSettings.Create(
        PricePerGbMonth,
        new Dictionary<string, string?>
        {
            ["Reports:OutputDirectory"] = "unused-by-this-test",
        });
}
