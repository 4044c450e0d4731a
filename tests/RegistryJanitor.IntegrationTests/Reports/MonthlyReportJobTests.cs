using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Quartz;
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
/// The scheduled report: the monthly job, fired by a Quartz scheduler on the product's registration, writes the
/// previous month (a completed one) from the last snapshot day of that month.
/// </summary>
public sealed class MonthlyReportJobTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const string RegistryName = "monthly";
    private const double PricePerGbMonth = 0.25;
    private const double GiB = 1073741824d;

    private static readonly DateOnly PreviousMonthDay = new(2026, 6, 30);
    private static readonly DateOnly Month = new(2026, 7, 1);
    private static readonly DateOnly MidMonth = new(2026, 7, 20);
    private static readonly DateOnly LastDay = new(2026, 7, 31);
    private static readonly DateOnly NextMonthDay = new(2026, 8, 1);

    /// <summary>The default schedule's moment: 06:00 UTC on the 1st of the month after the reported one.</summary>
    private static readonly DateTimeOffset FiredAt = new(2026, 8, 1, 6, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    private const string SelectRepositoriesSql = """
        SELECT repository AS Repository, logical_bytes AS LogicalBytes, stored_bytes AS StoredBytes
        FROM daily_snapshots
        WHERE registry_id = @registryId AND day = @day::date
        """;

    private const string SelectImageTagsSql = """
        SELECT r.name AS Repository, t.tag AS Tag, s.image_bytes AS ImageBytes
        FROM daily_image_snapshots s
        JOIN repositories r ON r.id = s.repository_id
        CROSS JOIN LATERAL UNNEST(s.tags) AS t(tag)
        WHERE s.registry_id = @registryId AND s.day = @day::date
        """;

    private const string SelectStoredBytesSql = """
        SELECT stored_bytes
        FROM daily_registry_snapshots
        WHERE registry_id = @registryId AND day = @day::date
        """;

    private const string SelectReportRunSql = """
        SELECT month::timestamp AS Month, month_to_date AS MonthToDate, snapshot_day::timestamp AS SnapshotDay,
               trigger AS Trigger, output_directory AS OutputDirectory, files::text AS Files,
               row_counts::text AS RowCounts
        FROM report_runs
        """;

    [Fact]
    public async Task MonthlyReportJob_FiredOnTheFirst_WritesPreviousMonthFromItsLastSnapshotDay()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var registry = await RegistryProcess.StartAsync(cancellationToken: cancellationToken);
        using var builder = TestImageBuilder.For(registry.BaseAddress);
        var settings = Settings();
        await using var host = new RankingHost(database.DataSource, settings);
        var pricing = new ConfigurationBuilder().AddInMemoryCollection(settings).Build()
            .GetSection(PricingOptions.SectionName).Get<PricingOptions>()!;
        var baseLayer = TestLayer.Create(l => l.FileOfSize("/base/lib.so", 200_000, seed: 41));
        var v1 = await PushAsync(builder, "shop/web", "v1", baseLayer, 42);
        await ScanAsync(host, registry.BaseAddress, cancellationToken);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var registryId = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT id FROM registries WHERE name = 'monthly'", cancellationToken: cancellationToken));
        await ComputeAsync(registryId, PreviousMonthDay, pricing, cancellationToken);
        await ComputeAsync(registryId, MidMonth, pricing, cancellationToken);

        // The month's last snapshot sees a second image; the next month's first snapshot a third, which the
        // July report must not show.
        var v2 = await PushAsync(builder, "shop/web", "v2", baseLayer, 43);
        var api = await PushAsync(builder, "shop/api", "a1", baseLayer, 44);
        await ScanAsync(host, registry.BaseAddress, cancellationToken);
        await ComputeAsync(registryId, LastDay, pricing, cancellationToken);
        var late = await PushAsync(builder, "shop/late", "l1", baseLayer, 45);
        await ScanAsync(host, registry.BaseAddress, cancellationToken);
        await ComputeAsync(registryId, NextMonthDay, pricing, cancellationToken);
        using var output = new TemporaryDirectory();
        settings["Reports:OutputDirectory"] = output.Path;

        await FireMonthlyReportJobAsync(settings, cancellationToken);

        var costsPath = Path.Combine(output.Path, "registry-costs-2026-07.xlsx");
        var optimizationPath = Path.Combine(output.Path, "registry-optimization-2026-07.xlsx");
        Assert.True(File.Exists(costsPath));
        Assert.True(File.Exists(optimizationPath));
        Assert.Equal(2, Directory.GetFiles(output.Path).Length);

        var run = await connection.QuerySingleAsync<(DateTime Month, bool MonthToDate, DateTime? SnapshotDay,
            string Trigger, string OutputDirectory, string Files, string RowCounts)>(new CommandDefinition(
                SelectReportRunSql, cancellationToken: cancellationToken));
        Assert.Equal(Month.ToDateTime(TimeOnly.MinValue), run.Month);
        Assert.False(run.MonthToDate);
        Assert.Equal(LastDay.ToDateTime(TimeOnly.MinValue), run.SnapshotDay);
        Assert.Equal("schedule", run.Trigger);
        Assert.Equal(Path.GetFullPath(output.Path), run.OutputDirectory);
        using var files = JsonDocument.Parse(run.Files);
        Assert.Equal(2, files.RootElement.GetArrayLength());
        foreach (var file in files.RootElement.EnumerateArray())
        {
            var content = await File.ReadAllBytesAsync(
                Path.Combine(output.Path, file.GetProperty("file").GetString()!), cancellationToken);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), file.GetProperty("sha256").GetString());
            Assert.Equal(content.Length, file.GetProperty("size_bytes").GetInt64());
        }

        using var rowCounts = JsonDocument.Parse(run.RowCounts);
        Assert.Equal(3, rowCounts.RootElement.GetProperty("costs/Images").GetInt32());
        Assert.Equal(2, rowCounts.RootElement.GetProperty("costs/Repositories").GetInt32());

        var parameters = new { registryId, day = LastDay.ToDateTime(TimeOnly.MinValue) };
        var repositories = (await connection.QueryAsync<(string Repository, long LogicalBytes, long StoredBytes)>(
            new CommandDefinition(SelectRepositoriesSql, parameters, cancellationToken: cancellationToken))).ToList();
        var images = (await connection.QueryAsync<(string Repository, string Tag, long ImageBytes)>(
            new CommandDefinition(SelectImageTagsSql, parameters, cancellationToken: cancellationToken))).ToList();
        using var workbook = new WorkbookReadback(costsPath);
        var imageRows = SheetTable.Rows(workbook, "Images");
        Assert.Equal(
            new[] { v1, v2, api }.Select(i => $"{i.Repository}:{i.Tag}").Order(StringComparer.Ordinal),
            imageRows.Select(r => $"{r["Repository"].Value}:{r["Tag"].Value}").Order(StringComparer.Ordinal));
        Assert.DoesNotContain(imageRows, r => r["Digest"].Value == late.Digest);
        foreach (var expected in images)
        {
            var row = Assert.Single(imageRows,
                r => r["Repository"].Value == expected.Repository && r["Tag"].Value == expected.Tag);
            Assert.Equal(expected.ImageBytes, (long)row["Image bytes"].Number);
        }

        var repositoryRows = SheetTable.Rows(workbook, "Repositories").ToDictionary(r => r["Repository"].Value!);
        Assert.Equal(repositories.Select(r => r.Repository).Order(StringComparer.Ordinal),
            repositoryRows.Keys.Order(StringComparer.Ordinal));
        foreach (var expected in repositories)
        {
            var row = repositoryRows[expected.Repository];
            Assert.Equal(expected.StoredBytes, (long)row["Stored bytes"].Number);
            Assert.Equal(expected.StoredBytes / GiB * PricePerGbMonth, row["Storage cost"].Number, 9);
        }

        Assert.Equal(repositories.Sum(r => r.LogicalBytes), (long)CostWorkbookTests.SummaryValue(workbook,
            "Logical bytes"));
        Assert.Equal(new[] { v1, v2, api }.Sum(i => i.ImageBytes), repositories.Sum(r => r.LogicalBytes));

        var stored = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            SelectStoredBytesSql, parameters, cancellationToken: cancellationToken));
        var storedInJune = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SelectStoredBytesSql,
            new { registryId, day = PreviousMonthDay.ToDateTime(TimeOnly.MinValue) },
            cancellationToken: cancellationToken));
        Assert.True(stored > storedInJune);
        Assert.Equal(stored, (long)CostWorkbookTests.SummaryValue(workbook, "Stored bytes"));
        Assert.Equal(storedInJune, (long)CostWorkbookTests.SummaryValue(workbook, "Stored bytes", column: 2));
        Assert.Equal(stored - storedInJune, (long)CostWorkbookTests.SummaryValue(workbook, "Stored bytes", 3));
        Assert.Equal((stored - storedInJune) / (double)storedInJune,
            CostWorkbookTests.SummaryValue(workbook, "Stored bytes", 4), 9);
        var storage = stored / GiB * PricePerGbMonth;
        // A past month's cost is what its daily snapshots accrued: June has one snapshot, one day of 30.
        var storageInJune = storedInJune / GiB * PricePerGbMonth / 30;
        Assert.Equal(storage, CostWorkbookTests.SummaryValue(workbook, "Storage cost"), 9);

        // Stored costs carry ten decimals (NUMERIC(24,10)).
        Assert.Equal(storageInJune, CostWorkbookTests.SummaryValue(workbook, "Storage cost", column: 2), 1e-9);
        Assert.Equal(storage - storageInJune, CostWorkbookTests.SummaryValue(workbook, "Storage cost", 3), 1e-9);
    }

    /// <summary>
    /// Starts a scheduler on the services <c>AddReporting</c> registers (its job and cron trigger), with the clock
    /// at <see cref="FiredAt"/>, a time the cron schedule names, so the trigger fires by itself; waits until the job
    /// has run.
    /// </summary>
    private async Task FireMonthlyReportJobAsync(Dictionary<string, string?> settings,
        CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(database.DataSource);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(FiredAt));
        services.AddReporting(configuration);
        services.AddQuartz();
        await using var provider = services.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        var listener = new JobCompletionListener(MonthlyReportJob.Key);
        scheduler.ListenerManager.AddJobListener(listener);
        await scheduler.Start(cancellationToken);
        try
        {
            var trigger = await scheduler.GetTrigger(new TriggerKey("monthly-report", "reports"), cancellationToken);
            Assert.Equal("0 0 6 1 * ?", Assert.IsAssignableFrom<ICronTrigger>(trigger).CronExpressionString);

            // Quartz reads the clock from the services, so its cron trigger is due at start and fires on its own;
            // triggering the job by hand as well would run the report twice.
            var failure = await listener.Completed.WaitAsync(Limit, cancellationToken);
            Assert.Null(failure);
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }

    private static async Task<PushedImage> PushAsync(TestImageBuilder builder, string repository, string tag,
        TestLayer baseLayer, int seed) =>
        await builder.Image(repository)
            .Layer(baseLayer)
            .Layer(l => l.FileOfSize($"/app/{seed}.bin", 40_000 + (seed * 100), seed: seed))
            .Config(c => c.Created(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)))
            .PushAsync(tag);

    private static async Task ScanAsync(RankingHost host, Uri registry, CancellationToken cancellationToken) =>
        await host.Scanner.ScanAsync(ScannerHost.Registry(RegistryName, registry), null, cancellationToken);

    private async Task ComputeAsync(int registryId, DateOnly day, PricingOptions pricing,
        CancellationToken cancellationToken) =>
        await new DailyCostComputation(database.DataSource).ComputeAsync(new DailyCostRequest(
            registryId, RegistryName, day, pricing, TimeProvider.System.GetUtcNow()), cancellationToken);

    private static Dictionary<string, string?> Settings() => PipelineSettings.Create(
        PricePerGbMonth,
        new Dictionary<string, string?>
        {
            ["Reports:OutputDirectory"] = "set-before-the-job-runs",
        });
}
