using System.Text.Json;
using Dapper;
using RegistryJanitor.IntegrationTests.Support.Images;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Reports;

public sealed class OptimizationSheetsFromDatabaseTests(WorkbookSheetsScenario scenario)
    : IClassFixture<WorkbookSheetsScenario>
{
    private const string SelectItemsSql = """
        SELECT i.rank AS Rank, i.repository AS Repository, i.tag AS Tag, i.scenario AS Scenario,
               i.ecosystem AS Ecosystem, i.storage_bytes_saved AS SavingsBytes,
               i.money_per_month::double precision AS Money, i.recommendations::text AS Recommendations
        FROM ranked_items i
        WHERE i.ranking_run_id = (SELECT MAX(id) FROM ranking_runs WHERE priced_month = @month::date)
        ORDER BY i.rank, i.repository, i.tag
        """;

    private const string SelectFindingsSql = """
        SELECT f.repository AS Repository, f.tag AS Tag, f.kind AS Kind, f.status AS Status,
               f.severity AS Severity, f.summary AS Summary, f.evidence::text AS Evidence
        FROM ranked_findings f
        WHERE f.ranking_run_id = (SELECT MAX(id) FROM ranking_runs WHERE priced_month = @month::date)
        """;

    private const string SelectRetentionSql = """
        SELECT policy AS Policy, manifests_deleted AS ManifestsDeleted, tags_deleted AS TagsDeleted,
               freed_bytes AS FreedBytes, monthly_saving::double precision AS MonthlySaving
        FROM retention_simulations
        WHERE registry_id = @registryId AND day = @day::date
        """;

    private const string SelectRankedSql = """
        SELECT i.rank AS Rank, i.repository AS Repository, i.tag AS Tag, i.manifest_digest AS Digest,
               i.scenario AS Scenario, i.storage_bytes_saved AS SavingsBytes,
               i.savings_confidence AS Confidence, i.recommendations::text AS Recommendations
        FROM ranked_items i
        WHERE i.ranking_run_id = (SELECT MAX(id) FROM ranking_runs WHERE priced_month = @month::date)
          AND i.rank > 0
        ORDER BY i.rank
        """;

    private const string SelectPresentFindingsSql = """
        SELECT f.repository AS Repository, f.tag AS Tag, f.kind AS Kind, f.severity AS Severity
        FROM ranked_findings f
        WHERE f.ranking_run_id = (SELECT MAX(id) FROM ranking_runs WHERE priced_month = @month::date)
          AND f.status = 'present'
        """;

    private static readonly string[] SeverityOrder = ["high", "medium", "low"];

    [Fact]
    public async Task Ranked_RankedRegistry_EveryColumnEqualsStoredItemAndFindings()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = await scenario.DataSource.OpenConnectionAsync(cancellationToken);
        var items = (await connection.QueryAsync<(int Rank, string Repository, string Tag, string Digest,
            string Scenario, long SavingsBytes, string Confidence, string Recommendations)>(new CommandDefinition(
                SelectRankedSql, new { month = Month(0) }, cancellationToken: cancellationToken))).ToList();
        var findings = (await connection.QueryAsync<(string Repository, string Tag, string Kind, string Severity)>(
            new CommandDefinition(SelectPresentFindingsSql, new { month = Month(0) },
                cancellationToken: cancellationToken))).ToList();

        using var workbook = new WorkbookReadback(scenario.OptimizationPath);
        var rows = SheetTable.Rows(workbook, "Ranked");

        Assert.NotEmpty(items);
        Assert.Equal(items.Count, rows.Count);
        Assert.Contains(findings, f => items.Any(i => i.Repository == f.Repository && i.Tag == f.Tag));
        for (var i = 0; i < items.Count; i++)
        {
            var expected = items[i];
            var row = rows[i];
            Assert.Equal(expected.Rank, (int)row["Rank"].Number);
            Assert.Equal(ImageOf(expected.Repository, expected.Tag).Digest, row["Digest"].Value);
            Assert.Equal(expected.Digest, row["Digest"].Value);
            Assert.Equal(expected.Scenario, row["Scenario"].Value);
            Assert.Equal(expected.SavingsBytes, (long)row["Savings bytes"].Number);
            Assert.Equal(Effort(expected.Recommendations), row["Effort"].Value);
            Assert.Equal(expected.Confidence switch { "high" => 0.9, "medium" => 0.6, _ => 0.3 },
                row["Confidence"].Number, 9);
            var top = findings.Where(f => f.Repository == expected.Repository && f.Tag == expected.Tag)
                .OrderBy(f => SeverityRank(f.Severity))
                .ThenBy(f => f.Kind, StringComparer.Ordinal)
                .Select(f => f.Kind);
            Assert.Equal(string.Join(", ", top), row["Top findings"].Value ?? string.Empty);
        }
    }

    [Fact]
    public async Task Findings_RankedRegistry_OneRowPerStoredFinding()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = await scenario.DataSource.OpenConnectionAsync(cancellationToken);
        var findings = (await connection.QueryAsync<(string Repository, string Tag, string Kind, string Status,
            string Severity, string Summary, string Evidence)>(new CommandDefinition(
                SelectFindingsSql, new { month = Month(0) }, cancellationToken: cancellationToken))).ToList();

        using var workbook = new WorkbookReadback(scenario.OptimizationPath);
        var rows = SheetTable.Rows(workbook, "Findings");

        Assert.NotEmpty(findings);
        Assert.Equal(findings.Count, rows.Count);
        foreach (var expected in findings)
        {
            var name = expected.Status == "unknown" ? expected.Kind + " (unknown)" : expected.Kind;
            var row = Assert.Single(rows, r => r["Repository"].Value == expected.Repository
                && r["Tag"].Value == expected.Tag && r["Finding"].Value == name);
            Assert.Equal(ImageOf(expected.Repository, expected.Tag).Digest, row["Digest"].Value);
            Assert.Equal(expected.Severity, row["Severity"].Value);
            using var evidence = JsonDocument.Parse(expected.Evidence);
            var bytes = evidence.RootElement.EnumerateArray()
                .Where(e => e.TryGetProperty("bytes", out var b) && b.ValueKind == JsonValueKind.Number)
                .Sum(e => e.GetProperty("bytes").GetInt64());
            Assert.Equal(bytes, row["Bytes"].Value is null ? 0 : (long)row["Bytes"].Number);
            Assert.StartsWith(expected.Summary, row["Evidence"].Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Fixes_RankedRegistry_OneRowPerRecommendationWithASnippet()
    {
        var items = await ItemsAsync(Month(0));
        var expected = items.Where(i => i.Rank > 0)
            .SelectMany(i => Recommendations(i.Recommendations)
                .Where(r => !string.IsNullOrEmpty(r.Snippet))
                .Select(r => (i.Rank, i.Repository, i.Tag, r.Title, i.Ecosystem, r.Snippet)))
            .ToList();

        using var workbook = new WorkbookReadback(scenario.OptimizationPath);
        var rows = SheetTable.Rows(workbook, "Fixes");

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(expected[i].Rank, (int)rows[i]["Rank"].Number);
            Assert.Equal(expected[i].Repository, rows[i]["Repository"].Value);
            Assert.Equal(expected[i].Tag, rows[i]["Tag"].Value);
            Assert.Equal(expected[i].Title, rows[i]["Recommendation"].Value);
            Assert.Equal(expected[i].Ecosystem, rows[i]["Ecosystem"].Value);
            Assert.Equal(expected[i].Snippet, rows[i]["Dockerfile change"].Value);
        }
    }

    [Fact]
    public async Task Progress_SameImagesRankedLastMonth_LastMonthsItemsStillOpen()
    {
        var previous = (await ItemsAsync(Month(-1))).Where(i => i.Rank > 0).OrderBy(i => i.Rank).Take(20).ToList();

        using var workbook = new WorkbookReadback(scenario.OptimizationPath);
        var rows = SheetTable.Rows(workbook, "Progress");

        Assert.NotEmpty(previous);
        Assert.Equal(previous.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(previous[i].Rank, (int)rows[i]["Previous rank"].Number);
            Assert.Equal(previous[i].Repository, rows[i]["Repository"].Value);
            Assert.Equal(previous[i].Tag, rows[i]["Tag"].Value);
            Assert.Equal(ImageOf(previous[i].Repository, previous[i].Tag).Digest, rows[i]["Digest"].Value);
            Assert.Equal(previous[i].Money, rows[i]["Savings per month then"].Number, 9);
            Assert.Equal("open", rows[i]["Status"].Value);
        }
    }

    [Fact]
    public async Task DecisionMatrix_RankedRegistry_ImageCountsAndSavingsPerScenario()
    {
        var items = await ItemsAsync(Month(0));

        using var workbook = new WorkbookReadback(scenario.OptimizationPath);
        var rows = SheetTable.Rows(workbook, "Decision matrix");

        Assert.Equal(scenario.Images.Count, items.Count);
        Assert.Equal(items.Count(i => i.Scenario != "not_an_image"), rows.Sum(r => (int)r["Images"].Number));
        foreach (var row in rows)
        {
            var ofScenario = items.Where(i => i.Scenario == row["Scenario"].Value).ToList();
            Assert.Equal(ofScenario.Count, (int)row["Images"].Number);
            Assert.Equal(ofScenario.Sum(i => i.SavingsBytes), (long)row["Savings bytes"].Number);
            Assert.Equal(ofScenario.Sum(i => i.Money), row["Savings per month"].Number, 9);
        }
    }

    [Fact]
    public async Task Retention_ConfiguredPolicies_FreedBytesEqualBlobsOnlyDeletedImagesReference()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var web = new[] { scenario.WebV1, scenario.WebV2, scenario.WebV3 };
        var expected = new Dictionary<string, (int Deleted, long Freed)>
        {
            ["keep-last-1"] = (2, WorkbookSheetsScenario.FreedBytes(
                [scenario.WebV1, scenario.WebV2], [scenario.WebV3, scenario.ApiW1])),
            ["keep-v-tags"] = (1, WorkbookSheetsScenario.FreedBytes([scenario.ApiW1], web)),
        };
        await using var connection = await scenario.DataSource.OpenConnectionAsync(cancellationToken);
        var stored = (await connection.QueryAsync<(string Policy, int ManifestsDeleted, int TagsDeleted,
            long FreedBytes, double MonthlySaving)>(new CommandDefinition(SelectRetentionSql,
                new { registryId = scenario.RegistryId, day = scenario.Day.ToDateTime(TimeOnly.MinValue) },
                cancellationToken: cancellationToken))).ToDictionary(r => r.Policy);

        using var workbook = new WorkbookReadback(scenario.OptimizationPath);
        var rows = SheetTable.Rows(workbook, "Retention");

        // Whole rows first, so a failure shows every policy's figures and the stored ones side by side.
        Assert.Equal(
            expected.OrderBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => (e.Key, e.Value.Deleted, e.Value.Deleted, e.Value.Freed)).ToList(),
            rows.Select(r => (r["Policy"].Value!, (int)r["Manifests deleted"].Number, (int)r["Tags deleted"].Number,
                (long)r["Freed bytes"].Number)).ToList());
        Assert.Equal(
            stored.Values.OrderBy(v => v.Policy, StringComparer.Ordinal)
                .Select(v => (v.Policy, v.ManifestsDeleted, v.TagsDeleted, v.FreedBytes)).ToList(),
            rows.Select(r => (r["Policy"].Value!, (int)r["Manifests deleted"].Number, (int)r["Tags deleted"].Number,
                (long)r["Freed bytes"].Number)).ToList());
        foreach (var row in rows)
        {
            var (deleted, freed) = expected[row["Policy"].Value!];
            Assert.Equal(WorkbookSheetsScenario.RegistryName, row["Registry"].Value);
            Assert.False(string.IsNullOrWhiteSpace(row["Description"].Value));
            Assert.Equal(deleted, (int)row["Manifests deleted"].Number);
            Assert.Equal(deleted, (int)row["Tags deleted"].Number);
            Assert.Equal(freed, (long)row["Freed bytes"].Number);
            var saving = freed / WorkbookSheetsScenario.BytesPerGiB * WorkbookSheetsScenario.PricePerGbMonth;
            Assert.Equal(saving, row["Monthly saving"].Number, 9);
            var fromTable = stored[row["Policy"].Value!];
            Assert.Equal(fromTable.FreedBytes, (long)row["Freed bytes"].Number);
            Assert.Equal(fromTable.ManifestsDeleted, (int)row["Manifests deleted"].Number);
            Assert.Equal(fromTable.MonthlySaving, row["Monthly saving"].Number, 9);
        }
    }

    private DateTime Month(int offset) =>
        new DateOnly(scenario.Day.Year, scenario.Day.Month, 1).AddMonths(offset).ToDateTime(TimeOnly.MinValue);

    private PushedImage ImageOf(string repository, string tag) =>
        scenario.Images.Single(i => i.Repository == repository && i.Tag == tag);

    private async Task<List<(int Rank, string Repository, string Tag, string Scenario, string Ecosystem,
        long SavingsBytes, double Money, string Recommendations)>> ItemsAsync(DateTime month)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = await scenario.DataSource.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<(int, string, string, string, string, long, double, string)>(
            new CommandDefinition(SelectItemsSql, new { month }, cancellationToken: cancellationToken))];
    }

    private static int SeverityRank(string severity) =>
        Array.IndexOf(SeverityOrder, severity) is var index and >= 0 ? index : SeverityOrder.Length;

    /// <summary>Largest recommendation effort (small, medium, large read as low, medium, high); low without.</summary>
    private static string Effort(string recommendations)
    {
        using var document = JsonDocument.Parse(recommendations);
        var efforts = document.RootElement.EnumerateArray()
            .Select(r => r.TryGetProperty("effort", out var effort) ? effort.GetString() : null)
            .ToList();
        return efforts.Count == 0 ? "low"
            : efforts.Any(e => e is not "small" and not "medium") ? "high"
            : efforts.Contains("medium") ? "medium"
            : "low";
    }

    private static List<(string? Title, string? Snippet)> Recommendations(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(r => (
            r.TryGetProperty("title", out var title) ? title.GetString() : null,
            r.TryGetProperty("snippet", out var snippet) && snippet.ValueKind == JsonValueKind.String
                ? snippet.GetString()
                : null))];
    }
}
