using System.Globalization;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RegistryJanitor.Commands;
using RegistryJanitor.Core.Costs;
using RegistryJanitor.IntegrationTests.Reports;
using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;
using RegistryJanitor.Reporting;
using RegistryJanitor.Scanning;
using RegistryJanitor.Storage.Costs;
using RegistryJanitor.Storage.ProviderFacts;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>
/// The cost workbook the <c>report</c> command writes after an ECR scan lists what was pushed, with the push and
/// last pull times ECR reports (<c>imagePushedAt</c>, <c>lastRecordedPullTime</c>) in Pushed and Last pull, and
/// the pulls CloudWatch counts (<c>RepositoryPullCount</c>) as measured pulls and egress.
/// </summary>
public sealed class EcrScanWorkbookTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const string RegistryName = "ecr-workbook";

    [Fact]
    public async Task ReportCommand_AfterEcrScan_ImagesSheetEqualsPushedImagesWithProviderTimes()
    {
        var ct = TestContext.Current.CancellationToken;
        var (registryProcess, password) = await CloudScanArrange.StartEcrRegistryAsync(ct);
        await using var registry = registryProcess;
        using var builder = CloudScanArrange.EcrBuilder(registry.BaseAddress, password);
        var first = await builder.Image("team/api").Layer(l => l.File("/srv/api", "api one")).PushAsync("v1", ct);
        var second = await builder.Image("team/web").Layer(l => l.File("/srv/web", "web two")).PushAsync("v2", ct);
        var now = TimeProvider.System.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var firstPushed = now.AddDays(-3);
        var secondPushed = now.AddDays(-2);
        var firstPulled = now.AddDays(-1);
        await using var ecr = await CloudScanArrange.StartEcrAsync(registry.BaseAddress, password, ct);
        ecr.Repositories.AddRange(["team/api", "team/web"]);
        ecr.Images["team/api"] =
        [
            EcrTestData.Image(first.Digest, ["v1"], first.ImageBytes, firstPushed.ToUnixTimeSeconds(),
                firstPulled.ToUnixTimeSeconds()),
        ];
        ecr.Images["team/web"] =
            [EcrTestData.Image(second.Digest, ["v2"], second.ImageBytes, secondPushed.ToUnixTimeSeconds())];
        ecr.MetricPages.Add(("m0", [], []));
        await using var host = new ScannerHost(database.DataSource);
        var run = await host.ScanAsync(CloudScanArrange.EcrOptions(ecr, registry.BaseAddress, RegistryName), ct);
        Assert.Equal(ScanStatus.Succeeded, run.Status);
        await ComputeCostsAsync(RegistryName, today, now, ct);

        using var output = new TemporaryDirectory();
        var exitCode = await Reports.ReportCommandRunner.RunAsync(
            database.DataSource, Settings(), today, output.Path, ct);

        Assert.Equal(ExitCodes.Success, exitCode);
        using var workbook = new WorkbookReadback(
            Path.Combine(output.Path, $"registry-costs-{today:yyyy-MM}.xlsx"));
        var rows = SheetTable.Rows(workbook, "Images").Where(r => r["Registry"].Value == RegistryName).ToList();
        var expected = new[]
        {
            (RegistryName, "team/api", "v1", first.Digest, first.ImageBytes),
            (RegistryName, "team/web", "v2", second.Digest, second.ImageBytes),
        };
        Assert.Equal(expected, rows
            .Select(r => (r["Registry"].Value!, r["Repository"].Value!, r["Tag"].Value!, r["Digest"].Value!,
                (long)r["Image bytes"].Number))
            .Order());
        var byDigest = rows.ToDictionary(r => r["Digest"].Value!);
        Assert.Equal(firstPushed.UtcDateTime.Date.ToOADate(), byDigest[first.Digest]["Pushed"].Number);
        Assert.Equal(secondPushed.UtcDateTime.Date.ToOADate(), byDigest[second.Digest]["Pushed"].Number);
        Assert.Equal(firstPulled.UtcDateTime.Date.ToOADate(), byDigest[first.Digest]["Last pull"].Number);
        Assert.Null(byDigest[second.Digest]["Last pull"].Value);
    }

    [Fact]
    public async Task ReportCommand_AfterEcrScanWithPullMetric_PullsAndEgressComeFromCloudWatch()
    {
        const long pullsToday = 7;
        const string registryName = "ecr-pulls";
        var ct = TestContext.Current.CancellationToken;
        var (registryProcess, password) = await CloudScanArrange.StartEcrRegistryAsync(ct);
        await using var registry = registryProcess;
        using var builder = CloudScanArrange.EcrBuilder(registry.BaseAddress, password);
        var image = await builder.Image("team/pulled")
            .Layer(l => l.FileOfSize("/srv/pulled.bin", 50_000, seed: 9))
            .PushAsync("v1", ct);
        var now = TimeProvider.System.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await using var ecr = await CloudScanArrange.StartEcrAsync(registry.BaseAddress, password, ct);
        ecr.Repositories.Add("team/pulled");
        ecr.Images["team/pulled"] =
            [EcrTestData.Image(image.Digest, ["v1"], image.ImageBytes, now.AddDays(-1).ToUnixTimeSeconds())];
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
        ecr.MetricPages.Add(("m0", [day], [pullsToday]));
        await using var host = new ScannerHost(database.DataSource);
        var run = await host.ScanAsync(CloudScanArrange.EcrOptions(ecr, registry.BaseAddress, registryName), ct);
        Assert.Equal(ScanStatus.Succeeded, run.Status);
        await ComputeCostsAsync(registryName, today, now, ct);

        using var output = new TemporaryDirectory();
        var exitCode = await Reports.ReportCommandRunner.RunAsync(
            database.DataSource, Settings(), today, output.Path, ct);

        Assert.Equal(ExitCodes.Success, exitCode);
        using var workbook = new WorkbookReadback(
            Path.Combine(output.Path, $"registry-costs-{today:yyyy-MM}.xlsx"));
        var coldPullBytes = image.Layers.Sum(layer => layer.Size);
        var expected = (pullsToday, pullsToday * coldPullBytes, ProviderStatisticsStore.ProviderMetricSource);
        foreach (var sheet in new[] { "Registries", "Repositories", "Images" })
        {
            var row = Assert.Single(SheetTable.Rows(workbook, sheet), r => r["Registry"].Value == registryName);
            Assert.Equal(expected,
                ((long)row["Pulls"].Number, (long)row["Egress bytes"].Number, row["Pull source"].Value));
        }
    }

    private async Task ComputeCostsAsync(
        string registryName, DateOnly day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pricing = new ConfigurationBuilder().AddInMemoryCollection(Settings()).Build()
            .GetSection(PricingOptions.SectionName).Get<PricingOptions>()!;
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var registryId = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT id FROM registries WHERE name = @name", new { name = registryName },
            cancellationToken: cancellationToken));
        await new DailyCostComputation(database.DataSource).ComputeAsync(
            new DailyCostRequest(registryId, registryName, day, pricing, now), cancellationToken);
    }

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Pricing:DefaultProfile"] = "test",
        ["Pricing:Profiles:test:Source"] = "test prices",
        ["Pricing:Profiles:test:StoragePricePerGbMonth"] = "0.1",
        ["Reports:OutputDirectory"] = "unused-by-this-test",
    };
}
