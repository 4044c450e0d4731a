using System.Formats.Tar;
using RegistryJanitor.IntegrationTests.Support.Images;
using Xunit;

namespace RegistryJanitor.IntegrationTests.ImageBuilder;

public sealed class HostileLayerTests
{
    [Fact]
    public async Task Raw_TraversalAndVeryLongNames_AreWrittenVerbatim()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var longName = string.Concat(Enumerable.Repeat("deep/", 2000)) + "file";
        var traversal = new LayerEntry(
            LayerEntryKind.File, "../../etc/passwd", "root:x:0:0"u8.ToArray(), null, (UnixFileMode)420, 0, 0);
        var absurd = traversal with { Path = longName };

        var layer = TestLayer.Create(l => l.Raw(traversal).Raw(absurd));

        var names = new List<string>();
        using var reader = new TarReader(new MemoryStream(layer.Tar.ToArray()));
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            names.Add(entry.Name);
        }

        Assert.Equal(["../../etc/passwd", longName], names);
    }

    [Fact]
    public async Task GzipBomb_OneGibibyteOfZeros_SmallBlobThatInflatesToTheFullSize()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        const long Size = 1L << 30;

        var bomb = HostileBlobs.GzipBomb(Size);

        using var tar = LayerCompressor.Decompress(new MemoryStream(bomb.Content.ToArray()), LayerCompression.Gzip);
        using var reader = new TarReader(tar);
        var entry = await reader.GetNextEntryAsync(copyData: false, cancellationToken);
        Assert.NotNull(entry);
        Assert.Equal(Size, entry.Length);
        Assert.True(bomb.Content.Length < Size / 500, $"bomb blob is {bomb.Content.Length} bytes");
    }

    [Fact]
    public async Task CorruptGzipAndNotGzip_Decompressing_Throws()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var layer = TestLayer.Create(l => l.FileOfSize("/data.bin", 200_000, seed: 5));

        var corrupt = await DecompressAsync(HostileBlobs.CorruptGzip(layer), cancellationToken);
        var notGzip = await DecompressAsync(HostileBlobs.NotGzip(), cancellationToken);

        Assert.IsType<InvalidDataException>(corrupt.Error);
        Assert.IsType<InvalidDataException>(notGzip.Error);
    }

    [Fact]
    public async Task TruncatedGzip_Decompressing_EndsShortWithoutErrorSoOnlyTheTarOrDigestShowsIt()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var layer = TestLayer.Create(l => l.FileOfSize("/data.bin", 200_000, seed: 5));

        var truncated = await DecompressAsync(HostileBlobs.TruncatedGzip(layer), cancellationToken);

        Assert.Null(truncated.Error);
        Assert.InRange(truncated.Bytes, 1, layer.TarSize - 1);
        var readTar = async () =>
        {
            using var compressed = new MemoryStream(HostileBlobs.TruncatedGzip(layer).Content.ToArray());
            using var tar = LayerCompressor.Decompress(compressed, LayerCompression.Gzip);
            using var reader = new TarReader(tar);
            while (await reader.GetNextEntryAsync(copyData: true, cancellationToken) is not null)
            {
            }
        };
        await Assert.ThrowsAsync<EndOfStreamException>(readTar);
    }

    private static async Task<(long Bytes, Exception? Error)> DecompressAsync(
        BlobLayer blob,
        CancellationToken cancellationToken)
    {
        using var compressed = new MemoryStream(blob.Content.ToArray());
        using var tar = LayerCompressor.Decompress(compressed, LayerCompression.Gzip);
        var counted = new MemoryStream();
        try
        {
            await tar.CopyToAsync(counted, cancellationToken);
            return (counted.Length, null);
        }
        catch (InvalidDataException e)
        {
            return (counted.Length, e);
        }
    }
}
