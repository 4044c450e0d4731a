using System.Globalization;
using RegistryJanitor.Core.Ranking;
using RegistryJanitor.IntegrationTests.Demo;
using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Host;
using RegistryJanitor.IntegrationTests.Support.Registry;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Ranking;

/// <summary>The demo registry, seeded, scanned, analysed and ranked with the shipped ranking defaults.</summary>
public sealed class DemoRankingTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task RunAsync_SeededDemo_PicksTheNewestBuildAndTheRowEachRepositoryWasBuiltFor()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var registry = await RegistryProcess.StartAsync(cancellationToken: cancellationToken);
        using var files = new TemporaryDirectory();
        DemoFilesFolder.Write(files.Path);
        var seeded = await ProductProcess.RunAsync(
            ["seed-demo", "--registry-url", registry.BaseAddress.ToString(), "--files", files.Path],
            new Dictionary<string, string?> { ["ConnectionStrings__Postgres"] = database.ConnectionString },
            cancellationToken);
        Assert.True(seeded.ExitCode == 0, seeded.StandardOutput + seeded.StandardError);
        await using var host = new RankingPipelineHost(database.DataSource, new Dictionary<string, string?>
        {
            ["RegistryClient:BaseDelay"] = "00:00:00.020",
            ["Pricing:DefaultProfile"] = "test",
            ["Pricing:Profiles:test:Source"] = "test prices",
            ["Pricing:Profiles:test:StoragePricePerGbMonth"] = 0.10m.ToString(CultureInfo.InvariantCulture),
        });
        await host.ScanAndAnalyseAsync(ScannerHost.Registry("demo", registry.BaseAddress), cancellationToken);

        var result = await host.Ranking.RunAsync("demo", allTags: false, month: null, cancellationToken);

        var picked = result.Images.Where(image => image.Rank > 0)
            .ToDictionary(image => image.Evidence.Repository, image => image);
        Assert.Equal(
            ["demo/checkout-api", "demo/ci-runner", "demo/edge-proxy", "demo/legacy-billing", "demo/ml-scoring"],
            picked.Keys.Order(StringComparer.Ordinal));

        // The seeder creates the newest build of each repository last; its tag names do not sort that way.
        Assert.Equal("v1.11.0", picked["demo/checkout-api"].Evidence.Tag);
        Assert.Equal("build-4", picked["demo/ci-runner"].Evidence.Tag);
        var edgeTag = picked["demo/edge-proxy"].Evidence.Tag;
        Assert.True(edgeTag is "3.2.0" or "latest", edgeTag);
        Assert.Equal("4.3", picked["demo/legacy-billing"].Evidence.Tag);
        Assert.Equal("2.2", picked["demo/ml-scoring"].Evidence.Tag);

        Assert.Equal(ScenarioRow.HighFrequencyMicroservice, picked["demo/checkout-api"].Classification.Row);
        Assert.Equal(ScenarioRow.CiConstrained, picked["demo/ci-runner"].Classification.Row);
        Assert.Equal(ScenarioRow.AlreadyLean, picked["demo/edge-proxy"].Classification.Row);
        Assert.Equal(ScenarioRow.LegacyMonolith, picked["demo/legacy-billing"].Classification.Row);
        Assert.Equal(ScenarioRow.DataHeavyMlPython, picked["demo/ml-scoring"].Classification.Row);
        Assert.Contains(picked["demo/checkout-api"].Findings,
            finding => finding.Kind == FindingKind.SecretLikeFiles && finding.Status == FindingStatus.Present);
    }
}
