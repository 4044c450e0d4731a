using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text.Json;
using RegistryJanitor.IntegrationTests.Support.Images;
using Xunit;

namespace RegistryJanitor.IntegrationTests.ImageBuilder;

public sealed class LayerCompressionTests : IDisposable
{
    private readonly TestImageBuilder builder = TestImageBuilder.ForTestRegistry();

    [Fact]
    public async Task PushAsync_SameFilesGzipZstdAndNone_DecompressToSameTarEntries()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var repository = TestImageBuilder.UniqueRepository("imagebuilder/compression");
        var layer = SampleLayer();

        var image = await builder.Image(repository)
            .Layer(layer, LayerCompression.Gzip)
            .Layer(layer, LayerCompression.Zstd)
            .Layer(layer, LayerCompression.None)
            .PushAsync("v1", cancellationToken);

        var listings = new List<List<string>>();
        foreach (var pushed in image.Layers)
        {
            var blob = await builder.Client.GetBlobAsync(repository, pushed.Digest, cancellationToken);
            using var decompressed = LayerCompressor.Decompress(new MemoryStream(blob), pushed.Compression);
            listings.Add(await ListAsync(decompressed, cancellationToken));
        }

        var expected = layer.Entries.Select(e => $"{e.Path}|{e.Size}|{e.Kind}").ToList();
        Assert.Equal(3, image.Layers.Select(l => l.Digest).Distinct().Count());
        Assert.All(listings, listing => Assert.Equal(expected, listing));
        Assert.Equal(
            [MediaTypes.OciLayerGzip, MediaTypes.OciLayerZstd, MediaTypes.OciLayerTar],
            image.Layers.Select(l => l.MediaType));
    }

    [Fact]
    public async Task PushAsync_AnyCompression_ConfigDiffIdsAreSha256OfUncompressedTars()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var repository = TestImageBuilder.UniqueRepository("imagebuilder/diffids");
        var layer = SampleLayer();

        var image = await builder.Image(repository)
            .Layer(layer, LayerCompression.Zstd)
            .Layer(l => l.File("/second.txt", "second"), LayerCompression.Gzip)
            .Layer(l => l.File("/third.txt", "third"), LayerCompression.None)
            .PushAsync("v1", cancellationToken);

        var actual = new List<string>();
        foreach (var pushed in image.Layers)
        {
            var blob = await builder.Client.GetBlobAsync(repository, pushed.Digest, cancellationToken);
            using var decompressed = LayerCompressor.Decompress(new MemoryStream(blob), pushed.Compression);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await decompressed.CopyToAsync(new HashSink(hash), cancellationToken);
            actual.Add(ContentDigest.Of(hash));
        }

        var config = await builder.Client.GetBlobAsync(repository, image.Config.Digest, cancellationToken);
        using var json = JsonDocument.Parse(config);
        var diffIds = json.RootElement.GetProperty("rootfs").GetProperty("diff_ids").EnumerateArray()
            .Select(d => d.GetString()!).ToList();
        Assert.Equal(actual, diffIds);
        Assert.Equal(actual, image.Layers.Select(l => l.DiffId));
    }

    [Fact]
    public void Create_SameEntriesTwice_SameDiffIdAndBlobDigests()
    {
        var first = SampleLayer();
        var second = SampleLayer();

        var sameDiffId = first.DiffId == second.DiffId;
        var sameBlobs = Enum.GetValues<LayerCompression>().All(c => first.Blob(c).Digest == second.Blob(c).Digest);

        Assert.True(sameDiffId);
        Assert.True(sameBlobs);
    }

    private static TestLayer SampleLayer()
    {
        return TestLayer.Create(l => l
            .Directory("/app")
            .File("/app/a.txt", "alpha")
            .FileOfSize("/app/data.bin", 300_000, seed: 7)
            .Symlink("/app/current", "a.txt")
            .Whiteout("/etc/old")
            .OpaqueDirectory("/opt"));
    }

    private static async Task<List<string>> ListAsync(Stream tar, CancellationToken cancellationToken)
    {
        var result = new List<string>();
        using var reader = new TarReader(tar);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            var kind = entry.EntryType switch
            {
                TarEntryType.Directory => LayerEntryKind.Directory,
                TarEntryType.SymbolicLink => LayerEntryKind.Symlink,
                _ when entry.Name.EndsWith(".wh..wh..opq", StringComparison.Ordinal) => LayerEntryKind.OpaqueWhiteout,
                _ when Path.GetFileName(entry.Name).StartsWith(".wh.", StringComparison.Ordinal) =>
                    LayerEntryKind.Whiteout,
                _ => LayerEntryKind.File,
            };
            result.Add($"{entry.Name}|{entry.Length}|{kind}");
        }

        return result;
    }

    public void Dispose()
    {
        builder.Dispose();
    }
}
