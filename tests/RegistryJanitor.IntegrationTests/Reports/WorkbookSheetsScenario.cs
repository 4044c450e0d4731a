using System.Globalization;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using RegistryJanitor.Commands;
using RegistryJanitor.Core.Costs;
using RegistryJanitor.IntegrationTests.Ranking;
using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Host;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;
using RegistryJanitor.Reporting;
using RegistryJanitor.Storage.Costs;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Reports;

/// <summary>
/// One registry built for the sheet read-back tests: two teams' repositories sharing a base layer, an image whose
/// config was created long ago (stale by age), one last pulled long ago (stale by last pull, from registry events)
/// and one pulled today, scanned between
/// pushes so tags have distinct push times, costed for today, ranked for last month and this month, and both
/// workbooks written by the <c>report</c> command for this month.
/// </summary>
public sealed class WorkbookSheetsScenario : IAsyncLifetime
{
    public const string RegistryName = "sheets";
    public const double PricePerGbMonth = 0.25;
    public const double BytesPerGiB = 1073741824d;
    public const int EventPulls = 3;

    /// <summary>Egress price of every pull location, so egress costs are not zero.</summary>
    public const double EgressPricePerGb = 0.09;

    /// <summary>How long ago registry events last counted a pull of <see cref="WebV2"/> (stale by last pull).</summary>
    public const int WebV2LastPullDaysAgo = 200;
    public static readonly TimeSpan StaleAfterPush = TimeSpan.FromDays(30);

    private const string InsertPullsSql = """
        INSERT INTO pull_counts (registry, repository, manifest_digest, day, source, pull_count)
        VALUES (@registry, @repository, @digest, @day::date, 'registry-events', @pulls)
        """;

    private TestDatabase? database;
    private TemporaryDirectory? output;

    public NpgsqlDataSource DataSource => database!.DataSource;

    public DateTimeOffset Now { get; private set; }

    public DateOnly Day => DateOnly.FromDateTime(Now.UtcDateTime);

    public DateTimeOffset OldCreated { get; private set; }

    public int RegistryId { get; private set; }

    public PushedImage WebV1 { get; private set; } = null!;

    public PushedImage WebV2 { get; private set; } = null!;

    public PushedImage WebV3 { get; private set; } = null!;

    public PushedImage ApiW1 { get; private set; } = null!;

    /// <summary>The config created time each image was built with, by digest.</summary>
    public Dictionary<string, DateTimeOffset> Created { get; } = [];

    public IReadOnlyList<PushedImage> Images => [WebV1, WebV2, WebV3, ApiW1];

    public string CostsPath => Path.Combine(output!.Path, $"registry-costs-{Day:yyyy-MM}.xlsx");

    public string OptimizationPath => Path.Combine(output!.Path, $"registry-optimization-{Day:yyyy-MM}.xlsx");

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        database = await TestDatabase.CreateAsync(applyMigrations: true, cancellationToken, label: "sheets");
        output = new TemporaryDirectory();
        await using var registry = await RegistryProcess.StartAsync(cancellationToken: cancellationToken);
        using var builder = TestImageBuilder.For(registry.BaseAddress);
        var settings = Settings();
        await using var host = new RankingHost(DataSource, settings);
        var baseLayer = TestLayer.Create(l => l.FileOfSize("/base/lib.so", 300_000, seed: 1));
        var webCommon = TestLayer.Create(l => l.FileOfSize("/web/common.js", 120_000, seed: 2));
        Now = TimeProvider.System.GetUtcNow();
        OldCreated = Now.AddDays(-400);

        WebV1 = await PushAsync(builder, "shop/web", "v1", "payments", OldCreated, baseLayer, webCommon, Own(3));
        await ScanAsync(host, registry.BaseAddress, cancellationToken);
        WebV2 = await PushAsync(builder, "shop/web", "v2", "payments", Now, baseLayer, webCommon, Own(4));
        await ScanAsync(host, registry.BaseAddress, cancellationToken);
        WebV3 = await PushAsync(builder, "shop/web", "v3", "payments", Now, baseLayer, webCommon, Own(5));
        ApiW1 = await PushAsync(builder, "shop/api", "w1", "search", Now, baseLayer, Own(6));
        await ScanAsync(host, registry.BaseAddress, cancellationToken);

        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        RegistryId = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT id FROM registries WHERE name = 'sheets'", cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(InsertPullsSql, new
        {
            registry = RegistryName,
            repository = ApiW1.Repository,
            digest = ApiW1.Digest,
            day = Day.ToDateTime(TimeOnly.MinValue),
            pulls = EventPulls,
        }, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(InsertPullsSql, new
        {
            registry = RegistryName,
            repository = WebV2.Repository,
            digest = WebV2.Digest,
            day = Day.AddDays(-WebV2LastPullDaysAgo).ToDateTime(TimeOnly.MinValue),
            pulls = 5,
        }, cancellationToken: cancellationToken));
        var pricing = new ConfigurationBuilder().AddInMemoryCollection(settings).Build()
            .GetSection(PricingOptions.SectionName).Get<PricingOptions>()!;
        await new DailyCostComputation(DataSource).ComputeAsync(
            new DailyCostRequest(RegistryId, RegistryName, Day, pricing, Now), cancellationToken);
        var month = new DateOnly(Day.Year, Day.Month, 1);
        await host.Ranking.RunAsync(RegistryName, allTags: true, month: month.AddMonths(-1), cancellationToken);
        await host.Ranking.RunAsync(RegistryName, allTags: true, month: month, cancellationToken);

        var exitCode = await ReportCommandRunner.RunAsync(DataSource, settings, Day, output!.Path, cancellationToken);
        Assert.Equal(ExitCodes.Success, exitCode);
    }

    public async ValueTask DisposeAsync()
    {
        output?.Dispose();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>
    /// Bytes freed by deleting <paramref name="deleted"/> while <paramref name="kept"/> stay: blobs only the
    /// deleted images reference, each once, plus their manifest documents.
    /// </summary>
    public static long FreedBytes(IReadOnlyList<PushedImage> deleted, IReadOnlyList<PushedImage> kept)
    {
        var keptBlobs = kept.SelectMany(image => image.Blobs).Select(blob => blob.Digest).ToHashSet();
        var blobBytes = deleted.SelectMany(image => image.Blobs)
            .DistinctBy(blob => blob.Digest)
            .Where(blob => !keptBlobs.Contains(blob.Digest))
            .Sum(blob => blob.Size);
        var manifestBytes = deleted.DistinctBy(image => image.Digest)
            .Where(image => kept.All(other => other.Digest != image.Digest))
            .Sum(image => image.Size);
        return blobBytes + manifestBytes;
    }

    private static TestLayer Own(int seed) =>
        TestLayer.Create(l => l.FileOfSize($"/app/own-{seed}.bin", 30_000 + (seed * 10_000), seed: 100 + seed));

    private async Task<PushedImage> PushAsync(TestImageBuilder builder, string repository, string tag,
        string team, DateTimeOffset created, params TestLayer[] layers)
    {
        var image = await builder.Image(repository)
            .Layers(layers)
            .Config(c =>
            {
                c.Label("team", team).Created(created);
                for (var i = 0; i < layers.Length; i++)
                {
                    c.History($"COPY part-{i} / # buildkit");
                }
            })
            .PushAsync(tag);
        Created[image.Digest] = created;
        return image;
    }

    private static async Task ScanAsync(RankingHost host, Uri registry, CancellationToken cancellationToken) =>
        await host.Scanner.ScanAsync(ScannerHost.Registry(RegistryName, registry), null, cancellationToken);

    private static string EgressPrice => EgressPricePerGb.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string?> Settings() => PipelineSettings.Create(
        PricePerGbMonth,
        new Dictionary<string, string?>
        {
            ["Pricing:Profiles:test:EgressSameRegionPerGb"] = EgressPrice,
            ["Pricing:Profiles:test:EgressCrossRegionPerGb"] = EgressPrice,
            ["Pricing:Profiles:test:EgressInternetPerGb"] = EgressPrice,
            ["Pricing:Allocation:LabelKey"] = "team",
            ["Reports:OutputDirectory"] = "unused-by-this-test",
            ["Reports:StaleAfterPush"] = StaleAfterPush.ToString("c", CultureInfo.InvariantCulture),
            ["Retention:Policies:0:Name"] = "keep-last-1",
            ["Retention:Policies:0:KeepLastTags"] = "1",
            ["Retention:Policies:1:Name"] = "keep-v-tags",
            ["Retention:Policies:1:KeepTagPatterns:0"] = "v*",
            ["Retention:Policies:1:ExpireTagsOlderThan"] = "00:00:00",
        });
}
