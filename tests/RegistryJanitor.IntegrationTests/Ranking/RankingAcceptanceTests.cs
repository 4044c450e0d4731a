using Dapper;
using RegistryJanitor.Core.Ranking;
using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Ranking;

public sealed class RankingAcceptanceTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const long ReferenceBytes = 4096;

    private const decimal PricePerGbMonth = 0.10m;

    [Fact]
    public async Task RunAsync_ScannedScenarioImages_ClassifiedFlaggedOrderedAndStored()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var registryUrl = TestRegistryEnvironment.RequireRegistry();
        using var builder = TestImageBuilder.For(registryUrl);
        var prefix = TestImageBuilder.UniqueRepository("rank");
        var node = await PushNodeAsync(builder, prefix + "/web", cancellationToken);
        var lean = await PushLeanAsync(builder, prefix + "/lean", cancellationToken);
        var ci = await PushCiAsync(builder, prefix + "/ci", cancellationToken);
        var settings = Settings();
        await using var host = new RankingHost(database.DataSource, settings);
        var registry = ScannerHost.Registry("rank", registryUrl, prefix + "/*");
        await host.Scanner.ScanAsync(registry, null, cancellationToken);

        var result = await host.Ranking.RunAsync("rank", allTags: false, month: null, cancellationToken);

        var byRepository = result.Images.ToDictionary(image => image.Evidence.Repository);
        Assert.Equal(ScenarioRow.HighFrequencyMicroservice, byRepository[node.Repository].Classification.Row);
        Assert.Equal(Ecosystem.Node, byRepository[node.Repository].Classification.Ecosystem.Ecosystem);
        Assert.Equal(ScenarioRow.CiConstrained, byRepository[ci.Repository].Classification.Row);
        Assert.Equal(
            [FindingKind.BuildContextBeforeDependencies, FindingKind.RunsAsRoot, FindingKind.NoSbomOrSignature,
                FindingKind.ShellAndPackageManager, FindingKind.NoHealthcheck],
            Present(byRepository[node.Repository]));

        // The node image records no base at all: pinning cannot be judged, so the finding says unknown.
        Assert.Contains(byRepository[node.Repository].Findings,
            f => f.Kind == FindingKind.UnpinnedBase && f.Status == FindingStatus.Unknown);
        Assert.Empty(Present(byRepository[lean.Repository]));

        // Hand-computed: no pulls, so money is storage only: (first layer - reference) x retained tags x price.
        var expected = new[] { (node, 1), (ci, 1), (lean, 0) }
            .Select(item => (item.Item1.Repository, Money: item.Item2 == 0 ? 0m
                : (item.Item1.Layers[0].Size - ReferenceBytes) * 1m / (1L << 30) * PricePerGbMonth))
            .OrderByDescending(item => item.Money)
            .ToList();
        var ranked = result.Images.Where(image => image.Rank > 0).ToList();
        Assert.Equal(expected.Select(item => item.Repository), ranked.Select(image => image.Evidence.Repository));
        Assert.Equal(expected.Select(item => item.Money), ranked.Select(image => image.Savings.MoneyPerMonth));

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var stored = await connection.QueryAsync<(string Repository, int Rank, decimal Money)>(new CommandDefinition(
            """
            SELECT repository, rank, money_per_month
            FROM ranked_items
            WHERE ranking_run_id = @runId
              AND rank > 0
            ORDER BY rank
            """, new { runId = result.RunId }, cancellationToken: cancellationToken));
        Assert.Equal(ranked.Select(i => (i.Evidence.Repository, i.Rank, i.Savings.MoneyPerMonth)), stored);
        var storedFindings = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            SELECT count(*)::integer
            FROM ranked_findings
            WHERE ranking_run_id = @runId
              AND repository = @repository
              AND status = 'present'
            """, new { runId = result.RunId, repository = node.Repository }, cancellationToken: cancellationToken));
        Assert.Equal(Present(byRepository[node.Repository]).Count, storedFindings);
    }

    private static List<FindingKind> Present(RankedImage image) =>
        [.. image.Findings.Where(f => f.Status == FindingStatus.Present).Select(f => f.Kind)];

    private static Dictionary<string, string?> Settings() => new()
    {
        ["RegistryClient:BaseDelay"] = "00:00:00.020",
        ["RegistryClient:MaxRetries"] = "3",
        // One image created in the three-month window is 1/3 push per month: frequent enough for this test.
        ["Ranking:HighFrequencyTagsPerMonth"] = "0.3",
        ["Ranking:DistrolessNodeBytes"] = ReferenceBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Ranking:DistrolessBaseBytes"] = ReferenceBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Pricing:DefaultProfile"] = "test",
        ["Pricing:Profiles:test:Source"] = "test prices",
        ["Pricing:Profiles:test:StoragePricePerGbMonth"] = PricePerGbMonth.ToString(
            System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Task<PushedImage> PushNodeAsync(TestImageBuilder builder, string repository, CancellationToken ct) =>
        builder.Image(repository)
            .MediaTypes(ImageFormat.Docker)
            .Layer(SyntheticLayer.Mebibytes(2, seed: 1))
            .Layer(l => l.File("/app/package.json", "{}").File("/app/server.js", "console.log(1)"))
            .Layer(l => l.File("/app/node_modules/x/index.js", "module.exports = 1"))
            .Config(c => c.Env("NODE_VERSION=22.1.0").Env("PATH=/usr/bin").Created(TimeProvider.System.GetUtcNow())
                .History("ADD file:debian in /").History("CMD [\"bash\"]", emptyLayer: true)
                .History("COPY . . # buildkit").History("RUN /bin/sh -c npm ci # buildkit")
                .History("CMD [\"node\", \"server.js\"]", emptyLayer: true))
            .PushAsync("v1", ct);

    private static async Task<PushedImage> PushLeanAsync(
        TestImageBuilder builder, string repository, CancellationToken ct)
    {
        var image = await builder.Image(repository)
            .Layer(l => l.File("/app", "static binary"))
            .Config(c => c.User("65532:65532").Created(TimeProvider.System.GetUtcNow())
                .Label(BaseImageAnnotations.BaseName, "gcr.io/distroless/static-debian12")
                .Label(BaseImageAnnotations.BaseDigest, "sha256:" + new string('c', 64))
                .History("COPY /out/app /app # buildkit"))
            .PushAsync("v1", ct);
        await builder.Cosign.SignAsync(image, ct);
        await builder.Cosign.AttachSbomAsync(image, ct);
        return image;
    }

    private static async Task<PushedImage> PushCiAsync(
        TestImageBuilder builder, string repository, CancellationToken ct)
    {
        var layer = TestLayer.Create(l => l.FileOfSize("/usr/local/bin/app", 300_000, seed: 7));
        var image = await builder.Image(repository)
            .Layer(layer)
            .Config(c => c.User("1000").Env("GOLANG_VERSION=1.23").Created(TimeProvider.System.GetUtcNow())
                .History("RUN /bin/sh -c go build -o /usr/local/bin/app . # buildkit"))
            .PushAsync("v1", ct);
        await builder.BuildCache.PushImageManifestFormAsync(repository, "buildcache", [layer], ct);
        return image;
    }
}
