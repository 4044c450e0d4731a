using RegistryJanitor.Analysis;
using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using Xunit;
using ImageLayerEntry = RegistryJanitor.IntegrationTests.Support.Images.LayerEntry;

namespace RegistryJanitor.IntegrationTests.Analysis;

public sealed class HostileLayerAnalysisTests(PostgresDatabaseFixture database)
    : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task RunAsync_HostileLayers_RecordsEachRejectionAndCompletesTheRest()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var registryUrl = TestRegistryEnvironment.RequireRegistry();
        using var builder = TestImageBuilder.For(registryUrl);
        var repository = TestImageBuilder.UniqueRepository("analysis-hostile") + "/app";
        var plain = TestLayer.Create(l => l.FileOfSize("/srv/payload.bin", 4_000, seed: 11));
        var traversal = new ImageLayerEntry(
            LayerEntryKind.File, "../../etc/passwd", "root:x:0:0"u8.ToArray(), null, (UnixFileMode)420, 0, 0);
        var longName = traversal with { Path = string.Concat(Enumerable.Repeat("deep/", 2000)) + "file" };
        var hostile = new Dictionary<string, IImageLayer>
        {
            ["bomb"] = HostileBlobs.GzipBomb(64L * 1024 * 1024),
            ["corrupt"] = HostileBlobs.CorruptGzip(plain),
            ["truncated"] = HostileBlobs.TruncatedGzip(plain),
            ["entries"] = new SyntheticLayer(1_000_000, 0),
            ["traversal"] = TestLayer.Create(l => l.Raw(traversal)),
            ["longname"] = TestLayer.Create(l => l.Raw(longName)),
        };
        var digests = new Dictionary<string, string>();
        var goodLayers = new List<string>();
        foreach (var (name, layer) in hostile)
        {
            var image = await builder.Image(repository).Layer(layer)
                .Layer(l => l.File("/app/" + name, name)).PushAsync(name, cancellationToken);
            digests[name] = image.Layers[0].Digest;
            goodLayers.Add(image.Layers[1].Digest);
        }

        var lying = await builder.Image(repository).Compression(LayerCompression.None)
            .Layer(l => l.FileOfSize("/srv/lying.bin", 4_000, seed: 12)).PushAsync("lying", cancellationToken);
        digests["digest"] = lying.Layers[0].Digest;
        var healthy = await builder.Image(repository).Layer(plain).PushAsync("healthy", cancellationToken);
        await using var host = new AnalysisHost(
            database.DataSource, () => new FlipBlobByteHandler(lying.Layers[0].Digest, 1_000));
        var rows = new AnalysisRows(database.DataSource);

        var summary = await host.ScanAndAnalyseAsync(
            ScannerHost.Registry("hostile", registryUrl, repository), cancellationToken);

        Assert.Equal(AnalysisSummary.Partial, summary.Status);
        var expectedReasons = new Dictionary<string, string[]>
        {
            ["bomb"] = ["CompressionRatio"],
            ["corrupt"] = ["CorruptCompression", "CorruptTar"],
            ["truncated"] = ["CorruptTar", "CorruptCompression", "TruncatedBlob"],
            ["entries"] = ["TooManyEntries"],
            ["traversal"] = ["PathTraversal"],
            ["longname"] = ["PathTooLong"],
            ["digest"] = ["WrongDigest"],
        };
        var actual = new Dictionary<string, string>();
        foreach (var (name, reasons) in expectedReasons)
        {
            var layer = await rows.LayerAsync(digests[name], cancellationToken);
            var reason = layer?.Reason ?? "none";
            actual[name] = layer is { Status: "rejected", Index: null } && reasons.Contains(reason)
                ? "expected"
                : $"{layer?.Status} {reason}";
        }

        Assert.Equal(
            string.Join("; ", expectedReasons.Keys.Select(name => $"{name}: expected")),
            string.Join("; ", actual.Select(pair => $"{pair.Key}: {pair.Value}")));

        foreach (var digest in goodLayers)
        {
            Assert.Equal("analysed", (await rows.LayerAsync(digest, cancellationToken))?.Status);
        }

        Assert.Equal(plain.TarSize, (await rows.ImageAsync(healthy.Digest, cancellationToken))?.Uncompressed);
        Assert.Equal(expectedReasons.Count, summary.Counts.LayersRejected);
        Assert.Equal(expectedReasons.Count, summary.Counts.ImagesSkipped);
    }
}
