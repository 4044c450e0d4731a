using Dapper;
using RegistryJanitor.Core.Costs;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.Reports;
using RegistryJanitor.Storage.ProviderFacts;
using RegistryJanitor.Storage.Reports;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Reports;

/// <summary>
/// Which billed-storage reading of the provider the cost workbook's Registries rows carry: readings recorded
/// through the product's store around a past month, read back through the report loader.
/// </summary>
public sealed class BilledStorageReportTests
{
    private const string BilledRegistry = "acr-billed";
    private const string PlainRegistry = "plain";
    private const string UsageSource = "azure:listUsages";

    private const string InsertSnapshotSql = """
        INSERT INTO daily_registry_snapshots (day, registry_id, registry, dedup_scope, repositories, tags, manifests,
                                              logical_bytes, stored_bytes, pulls, egress_bytes, pricing_profile,
                                              currency, storage_cost, egress_cost, computed_at)
        VALUES (@day, @registryId, @registry, 'registry', 1, 1, 1, @storedBytes, @storedBytes, 0, 0, 'generic',
                'USD', 0, 0, @day::timestamptz)
        """;

    private static readonly DateOnly Month = new(2025, 10, 1);
    private static readonly DateOnly SnapshotDay = new(2025, 10, 25);

    [Fact]
    public async Task LoadAsync_ReadingsAroundTheMonth_LatestReadingOfTheMonthOrNone()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(
            applyMigrations: true, cancellationToken, label: "billed_storage");
        await using (var connection = await database.DataSource.OpenConnectionAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                InsertSnapshotSql,
                new[]
                {
                    new { day = SnapshotDay, registryId = 1, registry = BilledRegistry, storedBytes = 4_000_000_000L },
                    new { day = SnapshotDay, registryId = 2, registry = PlainRegistry, storedBytes = 1_000_000_000L },
                },
                cancellationToken: cancellationToken));
        }

        // The month's last day with a reading falls before the snapshot day and has two sources; readings of the
        // months either side and the plain registry's reading of next month must not reach October.
        var readings = new (string Registry, string Source, long Bytes, DateTimeOffset ObservedAt)[]
        {
            (BilledRegistry, UsageSource, 9_000_000_000, At(2025, 9, 30, 23)),
            (BilledRegistry, UsageSource, 5_100_000_000, At(2025, 10, 5, 10)),
            (BilledRegistry, UsageSource, 5_300_000_000, At(2025, 10, 20, 6)),
            (BilledRegistry, "azure:other", 5_250_000_000, At(2025, 10, 20, 18)),
            (BilledRegistry, UsageSource, 7_000_000_000, At(2025, 11, 1, 0)),
            (PlainRegistry, UsageSource, 2_000_000_000, At(2025, 11, 2, 8)),
        };
        var store = new ProviderStatisticsStore(database.DataSource);
        foreach (var reading in readings)
        {
            await store.RecordBilledStorageAsync(
                reading.Registry, reading.Source, reading.Bytes, reading.ObservedAt, cancellationToken);
        }

        var expected = readings
            .Where(r => r.Registry == BilledRegistry && DateOnly.FromDateTime(r.ObservedAt.UtcDateTime) is var day
                && day >= Month && day < Month.AddMonths(1))
            .MaxBy(r => r.ObservedAt)
            .Bytes;

        var pricing = new PricingOptions();
        pricing.Profiles["generic"] = new PricingProfileOptions { Source = "test", StoragePricePerGbMonth = 0.1m };
        var loader = new CostReportLoader(
            database.DataSource, Microsoft.Extensions.Options.Options.Create(new ReportOptions()));
        var data = await loader.LoadAsync(
            ReportPeriod.For(Month, new DateOnly(2025, 11, 15)), pricing, At(2025, 11, 15, 0), cancellationToken);

        var rows = data.Registries.ToDictionary(r => r.Registry, StringComparer.Ordinal);
        Assert.Equal([BilledRegistry, PlainRegistry], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(5_250_000_000, expected);
        Assert.Equal(expected, rows[BilledRegistry].BilledStorageBytes);
        Assert.Null(rows[PlainRegistry].BilledStorageBytes);
    }

    private static DateTimeOffset At(int year, int month, int day, int hour) =>
        new(year, month, day, hour, 0, 0, TimeSpan.Zero);
}
