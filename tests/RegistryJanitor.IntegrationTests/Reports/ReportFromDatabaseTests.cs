using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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

public sealed class ReportFromDatabaseTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const double GiB = 1073741824d;
    private const double PricePerGbMonth = 0.25;
    private static readonly string[] HostileTeams = ["=cmd|' /C calc'!A0", "+1+1", "@SUM(1)"];

    private const string SelectRepositoriesSql = """
        SELECT repository AS Repository, team AS Team, tags AS Tags, logical_bytes AS LogicalBytes,
               stored_bytes AS StoredBytes
        FROM daily_snapshots
        WHERE registry_id = @registryId AND day = @day
        """;

    private const string SelectImagesSql = """
        SELECT r.name AS Repository, t.tag AS Tag, s.image_bytes AS ImageBytes, s.exclusive_bytes AS ExclusiveBytes
        FROM daily_image_snapshots s
        JOIN repositories r ON r.id = s.repository_id
        CROSS JOIN LATERAL UNNEST(s.tags) AS t(tag)
        WHERE s.registry_id = @registryId AND s.day = @day
        """;

    private const string SelectRankedSql = """
        SELECT i.rank AS Rank, i.repository AS Repository, i.money_per_month::double precision AS Money
        FROM ranked_items i
        WHERE i.ranking_run_id = (SELECT MAX(id) FROM ranking_runs) AND i.rank > 0
        ORDER BY i.rank
        """;

    private const string SelectReportRunSql = """
        SELECT month::timestamp AS Month, month_to_date AS MonthToDate, trigger AS Trigger, files::text AS Files,
               row_counts::text AS RowCounts
        FROM report_runs
        ORDER BY id DESC
        LIMIT 1
        """;

    [Fact]
    public async Task Report_ScannedCostedRankedRegistry_WorkbookFiguresEqualPostgres()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var registryProcess = await RegistryProcess.StartAsync(cancellationToken: cancellationToken);
        using var builder = TestImageBuilder.For(registryProcess.BaseAddress);
        var shared = TestLayer.Create(l => l.FileOfSize("/base/lib.so", 200_000, seed: 3));
        for (var i = 0; i < HostileTeams.Length; i++)
        {
            var team = HostileTeams[i];
            var image = builder.Image($"team{i}/app")
                .Layer(shared)
                .Layer(l => l.FileOfSize("/app/bin", 50_000 + (i * 1000), seed: 10 + i))
                .Config(c => c.Label("team", team).User("1000").Created(TimeProvider.System.GetUtcNow())
                    .History("ADD base.tar / # buildkit").History("COPY /out/app /app # buildkit"));
            await image.PushAsync("v1", cancellationToken);
            await builder.Image($"team{i}/app")
                .Layer(shared)
                .Layer(l => l.FileOfSize("/app/bin", 70_000 + (i * 1000), seed: 20 + i))
                .Config(c => c.Label("team", team).Created(TimeProvider.System.GetUtcNow()))
                .PushAsync("v2", cancellationToken);
        }

        var settings = Settings();
        await using var host = new RankingHost(database.DataSource, settings);
        await host.Scanner.ScanAsync(
            ScannerHost.Registry("reports", registryProcess.BaseAddress), null, cancellationToken);
        var now = TimeProvider.System.GetUtcNow();
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var registryId = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT id FROM registries WHERE name = 'reports'", cancellationToken: cancellationToken));
        var pricing = new ConfigurationBuilder().AddInMemoryCollection(settings).Build()
            .GetSection(PricingOptions.SectionName).Get<PricingOptions>()!;
        await new DailyCostComputation(database.DataSource).ComputeAsync(
            new DailyCostRequest(registryId, "reports", day, pricing, now), cancellationToken);
        await host.Ranking.RunAsync("reports", allTags: false, month: null, cancellationToken);
        using var output = new TemporaryDirectory();

        var exitCode = await ReportCommandRunner.RunAsync(
            database.DataSource, settings, day, output.Path, cancellationToken);

        Assert.Equal(ExitCodes.Success, exitCode);
        var parameters = new { registryId, day = day.ToDateTime(TimeOnly.MinValue) };
        var costsPath = Path.Combine(output.Path, $"registry-costs-{day:yyyy-MM}.xlsx");
        var optimizationPath = Path.Combine(output.Path, $"registry-optimization-{day:yyyy-MM}.xlsx");
        using (var costs = new WorkbookReadback(costsPath))
        {
            var repositories = (await connection.QueryAsync<(string Repository, string Team, int Tags,
                long LogicalBytes, long StoredBytes)>(new CommandDefinition(
                    SelectRepositoriesSql, parameters, cancellationToken: cancellationToken))).ToList();
            Assert.Equal(HostileTeams.Length, repositories.Count);
            var repositoryRows = Rows(costs, "Repositories", "B");
            Assert.Equal(repositories.Count, repositoryRows.Count);
            foreach (var expected in repositories)
            {
                var row = repositoryRows[expected.Repository];
                AssertText(costs.Cell("Repositories", $"C{row}"), expected.Team);
                Assert.Equal(expected.Tags, (int)costs.Cell("Repositories", $"D{row}").Number);
                Assert.Equal(expected.LogicalBytes, (long)costs.Cell("Repositories", $"F{row}").Number);
                Assert.Equal(expected.StoredBytes, (long)costs.Cell("Repositories", $"G{row}").Number);
                var storage = expected.StoredBytes / GiB * PricePerGbMonth;
                Assert.Equal(storage, costs.Cell("Repositories", $"H{row}").Number, 9);
            }

            Assert.Equal(HostileTeams.Order(StringComparer.Ordinal),
                repositories.Select(r => r.Team).Order(StringComparer.Ordinal));
            foreach (var team in HostileTeams)
            {
                var cell = costs.Cells("Teams").Values.Single(c => c.Value == team);
                AssertText(cell, team);
            }

            var images = (await connection.QueryAsync<(string Repository, string Tag, long ImageBytes,
                long ExclusiveBytes)>(new CommandDefinition(
                    SelectImagesSql, parameters, cancellationToken: cancellationToken))).ToList();
            Assert.Equal(HostileTeams.Length * 2, images.Count);
            var imageRows = Rows(costs, "Images", "B", "C");
            Assert.Equal(images.Count, imageRows.Count);
            foreach (var expected in images)
            {
                var row = imageRows[expected.Repository + "\n" + expected.Tag];
                Assert.Equal(expected.ImageBytes, (long)costs.Cell("Images", $"E{row}").Number);
                Assert.Equal(expected.ExclusiveBytes, (long)costs.Cell("Images", $"F{row}").Number);
            }

            Assert.Equal(repositories.Sum(r => r.LogicalBytes), (long)SummaryValue(costs, "Logical bytes"));
        }

        using (var optimization = new WorkbookReadback(optimizationPath))
        {
            var ranked = (await connection.QueryAsync<(int Rank, string Repository, double Money)>(
                new CommandDefinition(SelectRankedSql, cancellationToken: cancellationToken))).ToList();
            Assert.NotEmpty(ranked);
            foreach (var expected in ranked)
            {
                var row = expected.Rank + 1;
                Assert.Equal(expected.Rank, (int)optimization.Cell("Ranked", $"A{row}").Number);
                Assert.Equal(expected.Repository, optimization.Cell("Ranked", $"C{row}").Value);
                Assert.Equal(expected.Money, optimization.Cell("Ranked", $"I{row}").Number, 9);
            }

            var after = optimization.Cell("Ranked", $"A{ranked.Count + 2}");
            Assert.True(after.Value is null || after.Formula is not null || after.IsText);
        }

        var run = await connection.QuerySingleAsync<(DateTime Month, bool MonthToDate, string Trigger,
            string Files, string RowCounts)>(new CommandDefinition(
                SelectReportRunSql, cancellationToken: cancellationToken));
        Assert.Equal(new DateTime(day.Year, day.Month, 1), run.Month);
        Assert.True(run.MonthToDate);
        Assert.Equal("command", run.Trigger);
        using var files = JsonDocument.Parse(run.Files);
        foreach (var file in files.RootElement.EnumerateArray())
        {
            var path = Path.Combine(output.Path, file.GetProperty("file").GetString()!);
            var content = await File.ReadAllBytesAsync(path, cancellationToken);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), file.GetProperty("sha256").GetString());
        }

        using var rowCounts = JsonDocument.Parse(run.RowCounts);
        Assert.Equal(HostileTeams.Length * 2, rowCounts.RootElement.GetProperty("costs/Images").GetInt32());
    }

    private static void AssertText(ReadCell cell, string expected)
    {
        Assert.Equal(expected, cell.Value);
        Assert.True(cell.IsText);
        Assert.Null(cell.Formula);
    }

    private static Dictionary<string, int> Rows(WorkbookReadback workbook, string sheet, params string[] keyColumns)
    {
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var row = 2; workbook.Cell(sheet, $"A{row}").Value is { } first && first.Length > 0; row++)
        {
            var cell = workbook.Cell(sheet, $"A{row}");
            if (cell.Formula is not null || !cell.IsText || first.StartsWith("Total", StringComparison.Ordinal))
            {
                break;
            }

            rows[string.Join("\n", keyColumns.Select(column => workbook.Cell(sheet, $"{column}{row}").Value))] = row;
        }

        return rows;
    }

    private static double SummaryValue(WorkbookReadback workbook, string label)
    {
        var labelCell = workbook.Cells("Summary").Single(c => c.Value.Value == label && c.Value.IsText).Key;
        var column = labelCell.TrimEnd("0123456789".ToCharArray());
        var row = labelCell[column.Length..];
        return workbook.Cell("Summary", $"{(char)(column[0] + 1)}{row}").Number;
    }

    private static Dictionary<string, string?> Settings() => PipelineSettings.Create(
        PricePerGbMonth,
        new Dictionary<string, string?>
        {
            ["Pricing:Allocation:LabelKey"] = "team",
            ["Reports:OutputDirectory"] = "unused-by-this-test",
        });
}
