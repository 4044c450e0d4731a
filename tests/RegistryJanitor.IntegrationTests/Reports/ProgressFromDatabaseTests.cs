using System.Globalization;
using Dapper;
using RegistryJanitor.Commands;
using RegistryJanitor.IntegrationTests.Ranking;
using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Host;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Reports;

/// <summary>The Progress sheet after an image was fixed between last month's ranking run and this month's.</summary>
public sealed class ProgressFromDatabaseTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const string RegistryName = "progress";

    private const string SelectItemSql = """
        SELECT i.rank AS Rank, i.manifest_digest AS Digest, i.removable_bytes AS RemovableBytes,
               i.money_per_month::double precision AS Money,
               (SELECT count(*)
                FROM ranked_findings AS f
                WHERE f.ranking_run_id = i.ranking_run_id
                  AND f.repository = i.repository
                  AND f.tag = i.tag
                  AND f.status = 'present') AS PresentFindings
        FROM ranked_items AS i
        WHERE i.ranking_run_id = (SELECT max(id) FROM ranking_runs WHERE priced_month = @month::date)
          AND i.repository = @repository
          AND i.tag = @tag
        """;

    [Fact]
    public async Task Progress_RootImageRebuiltAsNonRoot_LastMonthsItemFixedAndTheUntouchedOneOpen()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var registryUrl = TestRegistryEnvironment.RequireRegistry();
        using var builder = TestImageBuilder.For(registryUrl);
        using var output = new TemporaryDirectory();
        var prefix = TestImageBuilder.UniqueRepository(RegistryName);
        var registry = ScannerHost.Registry(RegistryName, registryUrl, prefix + "/*");
        var settings = Settings();
        await using var host = new RankingHost(database.DataSource, settings);
        var now = TimeProvider.System.GetUtcNow();
        var month = new DateOnly(now.Year, now.Month, 1);
        var webLayers = new[] { Layer("web-base", 90_000, 1), Layer("web-app", 30_000, 2) };
        var apiLayers = new[] { Layer("api-base", 70_000, 3), Layer("api-app", 20_000, 4) };
        var rootWeb = await PushAsync(builder, prefix + "/web", null, now.AddDays(-3), webLayers, cancellationToken);
        var api = await PushAsync(builder, prefix + "/api", null, now.AddDays(-3), apiLayers, cancellationToken);
        await host.Scanner.ScanAsync(registry, null, cancellationToken);
        await host.Ranking.RunAsync(RegistryName, allTags: false, month: month.AddMonths(-1), cancellationToken);

        // The fix: the same layers rebuilt to run as a non-root user, pushed to the same tag; api stays as it was.
        var fixedWeb = await PushAsync(
            builder, prefix + "/web", "10001", now.AddDays(-1), webLayers, cancellationToken);
        await host.Scanner.ScanAsync(registry, null, cancellationToken);
        await host.Ranking.RunAsync(RegistryName, allTags: false, month: month, cancellationToken);
        var exitCode = await ReportCommandRunner.RunAsync(
            database.DataSource, settings, DateOnly.FromDateTime(now.UtcDateTime), output.Path, cancellationToken);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.NotEqual(rootWeb.Digest, fixedWeb.Digest);
        var webThen = await ItemAsync(month.AddMonths(-1), rootWeb, cancellationToken);
        var webNow = await ItemAsync(month, fixedWeb, cancellationToken);
        var apiThen = await ItemAsync(month.AddMonths(-1), api, cancellationToken);
        Assert.Equal(rootWeb.Digest, webThen.Digest);
        Assert.Equal(fixedWeb.Digest, webNow.Digest);

        // Only the user changed: the same bytes are removable and exactly one finding (runs as root) is gone.
        Assert.Equal(webThen.RemovableBytes, webNow.RemovableBytes);
        Assert.Equal(webThen.PresentFindings - 1, webNow.PresentFindings);

        var path = Path.Combine(output.Path, $"registry-optimization-{now:yyyy-MM}.xlsx");
        using var workbook = new WorkbookReadback(path);
        var rows = SheetTable.Rows(workbook, "Progress").ToDictionary(row => row["Repository"].Value!);
        Assert.Equal([api.Repository, rootWeb.Repository], rows.Keys.Order(StringComparer.Ordinal));
        var web = rows[rootWeb.Repository];
        Assert.Equal("fixed", web["Status"].Value);
        Assert.Equal(webThen.Rank, (int)web["Previous rank"].Number);
        Assert.Equal(RegistryName, web["Registry"].Value);
        Assert.Equal("latest", web["Tag"].Value);
        Assert.Equal(rootWeb.Digest, web["Digest"].Value);
        Assert.Equal(webThen.Money, web["Savings per month then"].Number, 9);
        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"removable bytes {webThen.RemovableBytes} -> "
                + $"{webThen.RemovableBytes}, findings {webThen.PresentFindings} -> {webThen.PresentFindings - 1}"),
            web["Detail"].Value);
        var untouched = rows[api.Repository];
        Assert.Equal("open", untouched["Status"].Value);
        Assert.Equal(apiThen.Rank, (int)untouched["Previous rank"].Number);
        Assert.Equal(api.Digest, untouched["Digest"].Value);
    }

    private async Task<(int Rank, string Digest, long RemovableBytes, double Money, long PresentFindings)> ItemAsync(
        DateOnly month, PushedImage image, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<(int, string, long, double, long)>(new CommandDefinition(
            SelectItemSql,
            new { month = month.ToDateTime(TimeOnly.MinValue), repository = image.Repository, tag = image.Tag },
            cancellationToken: cancellationToken));
    }

    private static TestLayer Layer(string name, int size, int seed) =>
        TestLayer.Create(l => l.FileOfSize($"/{name}/data.bin", size, seed: seed));

    private static Task<PushedImage> PushAsync(TestImageBuilder builder, string repository, string? user,
        DateTimeOffset created, TestLayer[] layers, CancellationToken cancellationToken) =>
        builder.Image(repository)
            .Layers(layers)
            .Config(c =>
            {
                c.Created(created).History("ADD file:rootfs in / ").History("COPY app / # buildkit");
                if (user is not null)
                {
                    c.User(user);
                }
            })
            .PushAsync("latest", cancellationToken);

    private static Dictionary<string, string?> Settings() => PipelineSettings.Create(
        0.25,
        new Dictionary<string, string?>
        {
            ["Reports:OutputDirectory"] = "unused-by-this-test",
        });
}
