using Dapper;
using RegistryJanitor.Core.Costs;
using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Host;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using RegistryJanitor.Storage.Costs;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Costs;

public sealed class ScannedRegistryCostTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const string SelectRegistryIdSql = "SELECT id FROM registries WHERE name = @name";

    private const string SelectRegistrySql = """
        SELECT logical_bytes AS LogicalBytes, stored_bytes AS StoredBytes
        FROM daily_registry_snapshots
        WHERE registry_id = @registryId AND day = @day
        """;

    private const string SelectImagesSql = """
        SELECT digest AS Digest, image_bytes AS ImageBytes, exclusive_bytes AS ExclusiveBytes,
               amortized_bytes AS AmortizedBytes
        FROM daily_image_snapshots
        WHERE registry_id = @registryId AND day = @day
        """;

    private const string SelectTodaySql = """
        SELECT logical_bytes, stored_bytes
        FROM daily_registry_snapshots
        WHERE registry_id = @registryId AND day = (now() AT TIME ZONE 'UTC')::date
        """;

    private static readonly DateOnly Day = new(2026, 2, 10);

    [Fact]
    public async Task ComputeAsync_ScannedRegistryWithKnownSharing_FiguresEqualThoseOfThePushedContent()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var registry = await RegistryProcess.StartAsync(cancellationToken: cancellationToken);
        using var builder = TestImageBuilder.For(registry.BaseAddress);
        var baseLayer = Layer("base", 60_000);
        var apiShared = Layer("api-shared", 25_000);
        var pushed = new List<PushedImage>
        {
            await Push(builder, "shop/api", "v1", baseLayer, apiShared, Layer("api-1", 4_000)),
            await Push(builder, "shop/api", "v2", baseLayer, apiShared, Layer("api-2", 5_000)),
            await Push(builder, "shop/web", "1", baseLayer, Layer("web-1", 6_000)),
            await Push(builder, "shop/web", "2", baseLayer, Layer("web-2", 7_000)),
        };
        await using var scanner = new ScannerHost(database.DataSource);
        await scanner.ScanAsync(ScannerHost.Registry("cost-scan", registry.BaseAddress), cancellationToken);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var registryId = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            SelectRegistryIdSql, new { name = "cost-scan" }, cancellationToken: cancellationToken));
        var pricing = new PricingOptions();
        pricing.Profiles["generic"] = new PricingProfileOptions { Source = "test", StoragePricePerGbMonth = 0.1m };

        await new DailyCostComputation(database.DataSource).ComputeAsync(
            new DailyCostRequest(registryId, "cost-scan", Day, pricing, DateTimeOffset.UnixEpoch), cancellationToken);

        var usage = pushed
            .SelectMany(i => i.Blobs.DistinctBy(b => b.Digest).Select(b => (Blob: b, Image: i.Digest)))
            .GroupBy(x => x.Blob.Digest)
            .ToDictionary(g => g.Key, g => (g.First().Blob.Size, Images: g.Select(x => x.Image).ToList()));
        var logical = pushed.Sum(i => i.Config.Size + i.Layers.Sum(l => l.Size));
        var stored = usage.Values.Sum(r => r.Size) + pushed.Sum(i => i.Size);
        var parameters = new { registryId, day = Day };
        var summary = await connection.QuerySingleAsync<(long LogicalBytes, long StoredBytes)>(new CommandDefinition(
            SelectRegistrySql, parameters, cancellationToken: cancellationToken));
        Assert.Equal((logical, stored), summary);
        var images = (await connection.QueryAsync<(string Digest, long ImageBytes, long ExclusiveBytes,
                decimal AmortizedBytes)>(new CommandDefinition(
                SelectImagesSql, parameters, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Digest);
        Assert.Equal(pushed.Count, images.Count);
        foreach (var image in pushed)
        {
            var blobs = image.Blobs.DistinctBy(b => b.Digest).Select(b => usage[b.Digest]).ToList();
            var exclusive = blobs.Where(r => r.Images.Count == 1).Sum(r => r.Size);
            var amortized = blobs.Sum(r => (decimal)r.Size / r.Images.Count);
            var actual = images[image.Digest];
            Assert.Equal(image.Config.Size + image.Layers.Sum(l => l.Size), actual.ImageBytes);
            Assert.Equal(exclusive, actual.ExclusiveBytes);
            Assert.Equal(Math.Round(amortized, 6), actual.AmortizedBytes);
        }

        var storedBlobBytes = (decimal)(stored - pushed.Sum(i => i.Size));
        Assert.Equal(storedBlobBytes, images.Values.Sum(i => i.AmortizedBytes), 5);
    }

    [Fact]
    public async Task CostsCommand_AfterAScan_StoresTodaysSnapshotOfThePushedContent()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var registry = await RegistryProcess.StartAsync(cancellationToken: cancellationToken);
        using var builder = TestImageBuilder.For(registry.BaseAddress);
        var baseLayer = Layer("command-base", 30_000);
        var pushed = new List<PushedImage>
        {
            await Push(builder, "tools/cli", "1", baseLayer, Layer("cli-1", 3_000)),
            await Push(builder, "tools/cli", "2", baseLayer, Layer("cli-2", 4_000)),
        };
        await using var scanner = new ScannerHost(database.DataSource);
        await scanner.ScanAsync(ScannerHost.Registry("cost-command", registry.BaseAddress), cancellationToken);
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Postgres"] = database.ConnectionString,
        };

        var result = await ProductProcess.RunAsync(["costs", "--registry", "cost-command"], environment,
            cancellationToken);
        var unknown = await ProductProcess.RunAsync(["costs", "--registry", "nowhere"], environment,
            cancellationToken);

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}, stderr: {result.StandardError}");
        Assert.StartsWith("cost-command on ", result.StandardOutput, StringComparison.Ordinal);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var registryId = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            SelectRegistryIdSql, new { name = "cost-command" }, cancellationToken: cancellationToken));
        var summaries = (await connection.QueryAsync<(long LogicalBytes, long StoredBytes)>(new CommandDefinition(
            SelectTodaySql, new { registryId }, cancellationToken: cancellationToken))).ToList();
        var distinctBlobBytes = pushed.SelectMany(i => i.Blobs).DistinctBy(b => b.Digest).Sum(b => b.Size);
        var logical = pushed.Sum(i => i.Config.Size + i.Layers.Sum(l => l.Size));
        Assert.Equal([(logical, distinctBlobBytes + pushed.Sum(i => i.Size))], summaries);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no scanned registry is named 'nowhere'", unknown.StandardError, StringComparison.Ordinal);
    }

    private static TestLayer Layer(string name, int size) =>
        TestLayer.Create(l => l.FileOfSize($"/{name}/data.bin", size, seed: name.Sum(c => c)));

    private static Task<PushedImage> Push(
        TestImageBuilder builder, string repository, string tag, params TestLayer[] layers) =>
        builder.Image(repository).Layers(layers).Config(c => c.Label("name", repository + ":" + tag)).PushAsync(tag);
}
