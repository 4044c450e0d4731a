using System.Formats.Tar;
using System.Security.Cryptography;
using RegistryJanitor.IntegrationTests.Support.Images;
using Xunit;

namespace RegistryJanitor.IntegrationTests.ImageBuilder;

public sealed class SyntheticLayerTests : IDisposable
{
    private readonly TestImageBuilder builder = TestImageBuilder.ForTestRegistry();

    [Theory]
    [InlineData(LayerCompression.Gzip)]
    [InlineData(LayerCompression.Zstd)]
    public async Task PushAsync_StreamedLayer_BlobDigestDiffIdAndFileBytesMatchDownload(LayerCompression compression)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var repository = TestImageBuilder.UniqueRepository("imagebuilder/synthetic");
        var layer = new SyntheticLayer(fileCount: 6, fileSize: 1_500_000, seed: 3);

        var image = await builder.Image(repository).Compression(compression).Layer(layer)
            .PushAsync("v1", cancellationToken);

        var pushed = image.Layers[0];
        using var response = await builder.Client.OpenBlobAsync(repository, pushed.Digest, cancellationToken);
        var blob = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        using var tar = LayerCompressor.Decompress(new MemoryStream(blob), compression);
        using var hashing = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var tarBytes = new MemoryStream();
        await tar.CopyToAsync(tarBytes, cancellationToken);
        hashing.AppendData(tarBytes.GetBuffer(), 0, (int)tarBytes.Length);
        tarBytes.Position = 0;
        long fileBytes = 0;
        var files = 0;
        using var reader = new TarReader(tarBytes);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            fileBytes += entry.Length;
            files++;
        }

        Assert.Equal(pushed.Digest, ContentDigest.Of(blob));
        Assert.Equal(pushed.Size, blob.Length);
        Assert.Equal(pushed.DiffId, ContentDigest.Of(hashing));
        Assert.Equal(pushed.UncompressedSize, tarBytes.Length);
        Assert.Equal(6, files);
        Assert.Equal(6L * 1_500_000, fileBytes);
        Assert.InRange(blob.Length, fileBytes / 4, fileBytes * 3 / 4);
    }

    [Fact]
    public async Task PushAsync_SameSyntheticLayerInSecondRepository_SameDigestMountedWithoutUpload()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var first = TestImageBuilder.UniqueRepository("imagebuilder/shared-a");
        var second = TestImageBuilder.UniqueRepository("imagebuilder/shared-b");
        var layer = SyntheticLayer.Mebibytes(2, seed: 11);

        var a = await builder.Image(first).Layer(layer).PushAsync("v1", cancellationToken);
        var uploadsAfterFirst = builder.Blobs.Uploads;
        var b = await builder.Image(second).Layer(layer).PushAsync("v1", cancellationToken);

        Assert.Equal(a.Layers[0].Digest, b.Layers[0].Digest);
        Assert.True(await builder.Client.BlobExistsAsync(second, b.Layers[0].Digest, cancellationToken));
        Assert.Equal(uploadsAfterFirst, builder.Blobs.Uploads);
    }

    public void Dispose()
    {
        builder.Dispose();
    }
}
