using System.Collections.Concurrent;
using System.Formats.Tar;

namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>
/// A large generated layer, streamed: files of generated half-compressible content are written through a
/// tar writer, the compressor and two hashes straight onto a chunked upload, so neither the tar nor the
/// blob is ever held in memory. The content is deterministic, so the same layer pushed again (or into
/// another repository) has the same digest; a later push first checks whether the blob is already there.
/// </summary>
public sealed class SyntheticLayer : IImageLayer
{
    private readonly ConcurrentDictionary<LayerCompression, PushedLayer> pushed = new();

    /// <summary>A layer of <paramref name="fileCount"/> files of <paramref name="fileSize"/> bytes each.</summary>
    /// <param name="fileCount">Number of regular files.</param>
    /// <param name="fileSize">Bytes per file (0 gives empty files: a tar of many empty entries).</param>
    /// <param name="seed">Different seeds give different content and digests.</param>
    /// <param name="directory">The folder the files go into (<c>NNNNNNNN.bin</c>).</param>
    public SyntheticLayer(int fileCount, long fileSize, int seed = 0, string directory = "data")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fileCount);
        ArgumentOutOfRangeException.ThrowIfNegative(fileSize);
        FileCount = fileCount;
        FileSize = fileSize;
        Seed = seed;
        Directory = directory.Trim('/');
    }

    public int FileCount { get; }

    public long FileSize { get; }

    public int Seed { get; }

    public string Directory { get; }

    /// <summary>Sum of the file sizes (the tar adds headers and padding on top).</summary>
    public long FileBytes => FileCount * FileSize;

    /// <summary>About <paramref name="mebibytes"/> MiB of file content, in 1 MiB files.</summary>
    public static SyntheticLayer Mebibytes(int mebibytes, int seed = 0)
    {
        return new SyntheticLayer(mebibytes, 1024 * 1024, seed);
    }

    /// <inheritdoc />
    public async Task<PushedLayer> PushAsync(LayerPushContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (pushed.TryGetValue(context.Compression, out var known)
            && await context.Blobs.IsAvailableAsync(context.Repository, known.Digest, cancellationToken))
        {
            return known with { MediaType = MediaTypes.Layer(context.Format, context.Compression) };
        }

        HashingWriteStream? blobHash = null;
        HashingWriteStream? tarHash = null;
        await context.Blobs.Client.UploadStreamAsync(
            context.Repository,
            async (network, ct) =>
            {
                blobHash = new HashingWriteStream(network, leaveOpen: true);
                await using (var compressor = LayerCompressor.Wrap(blobHash, context.Compression, leaveOpen: true))
                {
                    tarHash = new HashingWriteStream(compressor, leaveOpen: true);
                    await WriteTarAsync(tarHash, ct);
                    await tarHash.FlushAsync(ct);
                }

                await blobHash.FlushAsync(ct);
            },
            () => blobHash!.Digest(),
            cancellationToken);
        context.Blobs.CountUpload();

        var layer = new PushedLayer(
            blobHash!.Digest(),
            blobHash.BytesWritten,
            MediaTypes.Layer(context.Format, context.Compression),
            tarHash!.Digest(),
            tarHash.BytesWritten,
            context.Compression);
        context.Blobs.Remember(context.Repository, layer.Digest);
        pushed[context.Compression] = layer;
        blobHash.Dispose();
        tarHash.Dispose();
        return layer;
    }

    /// <summary>Writes the uncompressed tar to a stream (for measuring tools on the same content).</summary>
    public async Task WriteTarAsync(Stream destination, CancellationToken cancellationToken)
    {
        await using var writer = new TarWriter(destination, TarEntryFormat.Pax, leaveOpen: true);
        for (var i = 0; i < FileCount; i++)
        {
            var entry = TarLayerWriter.Create(TarEntryFormat.Pax, TarEntryType.RegularFile, $"{Directory}/{i:D8}.bin");
            entry.Mode = (UnixFileMode)0b110_100_100;
            await using var content = FileSize > 0 ? SyntheticContent.OpenRead(FileSize, Seed * 1_000_003 + i) : null;
            entry.DataStream = content;
            await writer.WriteEntryAsync(entry, cancellationToken);
        }
    }
}
