using System.Globalization;
using RegistryJanitor.Analysis;
using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Analysis;

public sealed class ParallelLayerAnalysisTests
{
    private const int ParallelLayers = 4;
    private const int OwnLayerImages = 6;

    [Fact]
    public async Task RunAsync_ParallelLayers_StoresTheSameRowsAsOneAtATime()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var registryUrl = TestRegistryEnvironment.RequireRegistry();
        using var builder = TestImageBuilder.For(registryUrl);
        var repository = TestImageBuilder.UniqueRepository("analysis-parallel") + "/app";
        var images = await PushImagesAsync(builder, repository, cancellationToken);
        var layerDigests = images.SelectMany(image => image.Layers).Select(layer => layer.Digest)
            .ToHashSet(StringComparer.Ordinal);
        var registry = ScannerHost.Registry("parallel", registryUrl, repository);
        var gate = new LayerDownloadGate(layerDigests, wanted: 2);
        await using var serialDatabase = await TestDatabase.CreateAsync(true, cancellationToken, "serial");
        await using var parallelDatabase = await TestDatabase.CreateAsync(true, cancellationToken, "parallel");

        AnalysisSummary serial;
        await using (var host = new AnalysisHost(serialDatabase.DataSource, settings: Parallelism(1)))
        {
            serial = await host.ScanAndAnalyseAsync(registry, cancellationToken);
        }

        AnalysisSummary parallel;
        await using (var host = new AnalysisHost(
            parallelDatabase.DataSource, () => new LayerDownloadGateHandler(gate), Parallelism(ParallelLayers)))
        {
            parallel = await host.ScanAndAnalyseAsync(registry, cancellationToken);
        }

        var expected = await AnalysisSnapshot.TakeAsync(serialDatabase.DataSource, cancellationToken);
        var actual = await AnalysisSnapshot.TakeAsync(parallelDatabase.DataSource, cancellationToken);
        Assert.True(gate.MostWaitingAtOnce >= 2, $"at most {gate.MostWaitingAtOnce} layer download(s) at once");
        Assert.Equal(AnalysisSummary.Partial, serial.Status);
        Assert.Equal(serial.Status, parallel.Status);
        Assert.Equal(serial.Counts, parallel.Counts);
        Assert.Equal(layerDigests.Count, expected[0].Count);
        Assert.Equal(images.Count - 1, expected[2].Count);
        Assert.NotEmpty(expected[1]);
        Assert.NotEmpty(expected[4]);
        Assert.NotEmpty(expected[5]);
        Assert.NotEmpty(expected[7]);
        for (var table = 0; table < AnalysisSnapshot.Tables.Count; table++)
        {
            Assert.True(
                expected[table].SequenceEqual(actual[table]),
                $"{AnalysisSnapshot.Tables[table]} differs:\n{string.Join('\n', expected[table])}\n---\n"
                    + string.Join('\n', actual[table]));
        }
    }

    private static Dictionary<string, string?> Parallelism(int layers) => new()
    {
        ["Analysis:MaxParallelLayers"] = layers.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Images sharing a base layer with a package database and apt caches, one overlaying it, one with a credential
    /// file, one in zstd, one with a corrupt layer, and several with layers of their own.
    /// </summary>
    private static async Task<List<PushedImage>> PushImagesAsync(
        TestImageBuilder builder, string repository, CancellationToken cancellationToken)
    {
        var seed = Random.Shared.Next(1, 1_000_000) * 64;
        var curl = "Package: curl\nStatus: install ok installed\nVersion: 7.88.1-10\n\n";
        var baseLayer = TestLayer.Create(l => l
            .File("/var/lib/dpkg/status", curl)
            .File("/var/lib/dpkg/info/curl.list", "/usr/bin/curl\n/usr/share/doc/curl/copyright\n")
            .FileOfSize("/usr/bin/curl", 40_000, seed: seed + 1)
            .FileOfSize("/usr/share/doc/curl/copyright", 3_000, seed: seed + 2)
            .FileOfSize("/var/lib/apt/lists/deb_main_Packages", 20_000, seed: seed + 3));
        var images = new List<PushedImage>
        {
            await builder.Image(repository).Layer(baseLayer)
                .Layer(l => l.File("/app/.env", "DB_PASSWORD=not-a-real-one\n")
                    .FileOfSize("/app/server", 30_000, seed: seed + 4))
                .PushAsync("secret", cancellationToken),
            await builder.Image(repository).Layer(baseLayer)
                .Layer(l => l.Whiteout("/var/lib/apt/lists/deb_main_Packages")
                    .FileOfSize("/usr/bin/curl", 41_000, seed: seed + 5))
                .PushAsync("overlay", cancellationToken),
            await builder.Image(repository).Compression(LayerCompression.Zstd).Layer(baseLayer)
                .Layer(l => l.FileOfSize("/root/.cache/pip/wheel.whl", 9_000, seed: seed + 6))
                .PushAsync("zstd", cancellationToken),
            await builder.Image(repository)
                .Layer(HostileBlobs.CorruptGzip(TestLayer.Create(l => l.FileOfSize("/x", 5_000, seed: seed + 7))))
                .Layer(l => l.File("/app/broken", "broken")).PushAsync("corrupt", cancellationToken),
        };
        for (var i = 0; i < OwnLayerImages; i++)
        {
            var own = seed + 10 + (i * 4);
            images.Add(await builder.Image(repository).Layer(baseLayer)
                .Layer(l => l.FileOfSize("/srv/data.bin", 60_000 + (i * 1_000), seed: own)
                    .FileOfSize("/srv/app/.git/objects/pack", 7_000, seed: own + 1))
                .Layer(l => l.FileOfSize("/srv/extra.bin", 20_000, seed: own + 2))
                .PushAsync("own" + i.ToString(CultureInfo.InvariantCulture), cancellationToken));
        }

        return images;
    }
}
